//! Where the state lives: in memory, or — with `--state FILE` — in an embedded SQLite file, one
//! row per record (`kind`, `id`, and the record as JSON, amounts digit for digit), written as
//! each change happens, so that a sandbox killed between test steps loses nothing it answered.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

/// The store.
pub enum Store {
    /// Nothing outlives the process.
    Memory,
    /// A SQLite file.
    #[cfg(feature = "sqlite")]
    Sqlite(rusqlite::Connection),
}

impl Store {
    /// The SQLite file at `path` (created with its table when new).
    #[cfg(feature = "sqlite")]
    pub fn open(path: &Path) -> Result<Store, String> {
        let fail = |e: rusqlite::Error| format!("state file {}: {e}", path.display());
        let conn = rusqlite::Connection::open(path).map_err(fail)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS records (
                 kind TEXT NOT NULL,
                 id   TEXT NOT NULL,
                 body TEXT NOT NULL,
                 PRIMARY KEY (kind, id)
             );",
        )
        .map_err(fail)?;
        Ok(Store::Sqlite(conn))
    }

    /// Without the `sqlite` feature there is no state file.
    #[cfg(not(feature = "sqlite"))]
    pub fn open(path: &Path) -> Result<Store, String> {
        Err(format!(
            "--state {}: this build has no SQLite (the `sqlite` feature is off)",
            path.display()
        ))
    }

    /// Every record of `kind`, by id.
    pub fn all<T: DeserializeOwned>(&self, kind: &str) -> Result<BTreeMap<String, T>, String> {
        match self {
            Store::Memory => {
                let _ = kind;
                Ok(BTreeMap::new())
            }
            #[cfg(feature = "sqlite")]
            Store::Sqlite(conn) => {
                let fail = |e: rusqlite::Error| format!("reading the state file: {e}");
                let mut statement = conn
                    .prepare("SELECT id, body FROM records WHERE kind = ?1")
                    .map_err(fail)?;
                let rows = statement
                    .query_map([kind], |row| {
                        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
                    })
                    .map_err(fail)?;
                let mut out = BTreeMap::new();
                for row in rows {
                    let (id, body) = row.map_err(fail)?;
                    let value = serde_json::from_str(&body)
                        .map_err(|e| format!("the state file's {kind} {id} is unreadable: {e}"))?;
                    out.insert(id, value);
                }
                Ok(out)
            }
        }
    }

    /// Writes one record. A failure is reported on stderr: the answer already given stands.
    pub fn put<T: Serialize>(&self, kind: &str, id: &str, value: &T) {
        match self {
            Store::Memory => {
                let _ = (kind, id, value);
            }
            #[cfg(feature = "sqlite")]
            Store::Sqlite(conn) => {
                let result = serde_json::to_string(value)
                    .map_err(|e| e.to_string())
                    .and_then(|body| {
                        conn.execute(
                            "INSERT INTO records (kind, id, body) VALUES (?1, ?2, ?3)
                             ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
                            (kind, id, body),
                        )
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                    });
                if let Err(e) = result {
                    eprintln!("payseal-sandbox: cannot write {kind} {id} to the state file: {e}");
                }
            }
        }
    }
}
