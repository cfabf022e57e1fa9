/**
 * MLMD's relational schema: the DDL of version 10 for SQLite and MySQL, MLMD's migrations between
 * versions, and {@link io.mlmd4j.storage.schema.SchemaManager}, which opens a database the way
 * MLMD does (create, check the version, migrate, downgrade).
 */
package io.mlmd4j.storage.schema;
