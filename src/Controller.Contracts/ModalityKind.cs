namespace Controller.Contracts;

/// <summary>What a modality carries, which decides how it is sized and priced on the uplink.</summary>
public enum ModalityKind
{
    Image,
    Audio,
    Video,
    Sensor,
}
