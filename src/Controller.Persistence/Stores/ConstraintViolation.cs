using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Controller.Persistence.Stores;

/// <summary>Which integrity constraint a failed write broke, whatever the provider.</summary>
public enum ConstraintViolationKind
{
    /// <summary>Not a constraint violation this code handles.</summary>
    None,
    /// <summary>A primary key or unique index already holds the value.</summary>
    Unique,
    /// <summary>A foreign key points at a row that does not exist.</summary>
    ForeignKey,
}

/// <summary>
/// Classifies provider exceptions, so stores can rely on keys for idempotency instead of a
/// read-then-write check that two concurrent deliveries could both pass.
/// </summary>
public static class ConstraintViolation
{
    // SQLite primary result code SQLITE_CONSTRAINT and its extended codes.
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The kind of violation behind <paramref name="exception"/> (or its inner exceptions).</summary>
    public static ConstraintViolationKind Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite:
                    return sqlite.SqliteExtendedErrorCode switch
                    {
                        SqliteConstraintPrimaryKey or SqliteConstraintUnique => ConstraintViolationKind.Unique,
                        SqliteConstraintForeignKey => ConstraintViolationKind.ForeignKey,
                        _ => ConstraintViolationKind.None,
                    };
                case PostgresException postgres:
                    return postgres.SqlState switch
                    {
                        PostgresErrorCodes.UniqueViolation => ConstraintViolationKind.Unique,
                        PostgresErrorCodes.ForeignKeyViolation => ConstraintViolationKind.ForeignKey,
                        _ => ConstraintViolationKind.None,
                    };
            }
        }

        return ConstraintViolationKind.None;
    }

    /// <summary>True when <paramref name="exception"/> is a unique or primary-key violation.</summary>
    public static bool IsUnique(DbUpdateException exception) => Classify(exception) == ConstraintViolationKind.Unique;
}
