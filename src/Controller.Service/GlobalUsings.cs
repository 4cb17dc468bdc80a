// The service is the persistence layer's main client; its namespaces are used in most files.
global using Controller.Persistence.Entities;
global using Controller.Persistence.Queries;
global using Controller.Persistence.Stores;
