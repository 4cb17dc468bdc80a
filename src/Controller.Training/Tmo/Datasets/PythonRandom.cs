namespace Controller.Training.Tmo.Datasets;

/// <summary>
/// A port of the parts of CPython's <c>random</c> module that TMO's split uses:
/// <c>random.seed(s)</c> for a non-negative int (Mersenne Twister <c>init_by_array</c> over the
/// 32-bit words of s), <c>getrandbits(k)</c> for k ≤ 32, <c>_randbelow</c> and <c>shuffle</c>.
/// Exists so the split's test dialogues match TMO's seed for seed without needing Python.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _state = new uint[N];
    private int _index;

    /// <summary>Seeds as <c>random.seed(seed)</c> does for an int (CPython hashes |seed|).</summary>
    public PythonRandom(long seed)
    {
        var magnitude = (ulong)Math.Abs(seed);
        var key = magnitude > uint.MaxValue ? new[] { (uint)magnitude, (uint)(magnitude >> 32) } : new[] { (uint)magnitude };
        InitByArray(key);
    }

    /// <summary>CPython's <c>genrand_uint32</c>.</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }

        var y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary><c>getrandbits(bits)</c> for 1 ≤ bits ≤ 32: the top bits of one 32-bit draw.</summary>
    public uint GetRandBits(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        return NextUInt32() >> (32 - bits);
    }

    /// <summary><c>_randbelow(n)</c>: rejection sampling on n.bit_length() bits.</summary>
    public int RandBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);
        uint r;
        do
        {
            r = GetRandBits(bits);
        }
        while (r >= (uint)n);
        return (int)r;
    }

    /// <summary><c>random.shuffle(items)</c>: Fisher–Yates from the end.</summary>
    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private void InitGenrand(uint seed)
    {
        _state[0] = seed;
        for (var i = 1; i < N; i++)
        {
            _state[i] = 1812433253U * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        }

        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218U);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Length); k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (var k = N - 1; k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1566083941U)) - (uint)i;
            i++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }
        }

        _state[0] = 0x80000000U;
    }

    private void Twist()
    {
        for (var kk = 0; kk < N; kk++)
        {
            var y = (_state[kk] & UpperMask) | (_state[(kk + 1) % N] & LowerMask);
            _state[kk] = _state[(kk + M) % N] ^ (y >> 1) ^ ((y & 1U) != 0 ? MatrixA : 0U);
        }

        _index = 0;
    }
}
