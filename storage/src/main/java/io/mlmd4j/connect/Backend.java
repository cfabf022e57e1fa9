package io.mlmd4j.connect;

/** The three kinds of database an MLMD store lives in. */
public enum Backend {
  /** An in-memory SQLite database that lives as long as the store (MLMD's fake_database). */
  FAKE,
  /** A SQLite file. */
  SQLITE,
  /** A MySQL (or MariaDB) server. */
  MYSQL
}
