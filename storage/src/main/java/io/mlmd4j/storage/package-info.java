/**
 * The database beneath a store: connections to fake, SQLite and MySQL backends, transactions with
 * bounded retries, and the SQL differences between the dialects.
 */
package io.mlmd4j.storage;
