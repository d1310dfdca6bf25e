#!/usr/bin/env python3
"""The rows one Kembar import wrote into an SQLite database, as a second ceiling for that import.

    own-rows.py BEFORE.sqlite AFTER.sqlite WORKDIR

BEFORE is the database as it was just before the import (or imports), AFTER the database after them. For each table
Kembar writes (records, changes, record_links, partnership_summaries, partnership_status), the rows of AFTER that
BEFORE does not hold identically are written to WORKDIR/<table>.csv, and two scripts are written: WORKDIR/prepare.sh
copies BEFORE to WORKDIR/ceiling.sqlite, and WORKDIR/load.sh deletes from that copy the rows the import replaced or
removed (an updated record, a refreshed summary) and loads the CSV files with `sqlite3 .import` into Kembar's own
schema, with its indexes, in one transaction. run.sh times load.sh with hyperfine (prepare.sh before each run): what
writing exactly the rows Kembar wrote costs SQLite itself, with no reading, checking, encoding or deriving. (An
absent value loads as an empty text rather than NULL; the cost is the same.) Prints the rows per table.
"""
import csv, os, sqlite3, sys

TABLES = ["records", "changes", "record_links", "partnership_summaries", "partnership_status"]


def main(before_path, after_path, work):
    os.makedirs(work, exist_ok=True)
    db = sqlite3.connect(after_path)
    db.execute("ATTACH DATABASE ? AS b", (before_path,))
    counts, deletes = [], []
    for table in TABLES:
        columns = [r[1] for r in db.execute(f'PRAGMA main.table_info("{table}")')]
        quoted = ", ".join(f'"{c}"' for c in columns)
        same = " AND ".join(f'm."{c}" IS o."{c}"' for c in columns)
        # Rows of AFTER not in BEFORE at the same rowid with the same values: what the import wrote.
        added = db.execute(
            f'SELECT {", ".join(f"m.{q}" for q in quoted.split(", "))} FROM main."{table}" m '
            f'WHERE NOT EXISTS (SELECT 1 FROM b."{table}" o WHERE o.rowid = m.rowid AND {same})')
        n = 0
        with open(os.path.join(work, f"{table}.csv"), "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            for row in added:
                writer.writerow(["" if v is None else v for v in row])
                n += 1
        counts.append(f"{table}={n}")
        # Rows of BEFORE the import replaced or removed.
        gone = [str(r[0]) for r in db.execute(
            f'SELECT o.rowid FROM b."{table}" o '
            f'WHERE NOT EXISTS (SELECT 1 FROM main."{table}" m WHERE m.rowid = o.rowid AND {same})')]
        if gone:
            deletes.append(f'DELETE FROM "{table}" WHERE rowid IN ({", ".join(gone)});')
    ceiling = os.path.join(work, "ceiling.sqlite")
    with open(os.path.join(work, "deletes.sql"), "w", encoding="utf-8") as f:
        f.write("\n".join(deletes) + "\n")
    with open(os.path.join(work, "prepare.sh"), "w", encoding="utf-8") as f:
        f.write(f"set -e\nrm -f '{ceiling}' '{ceiling}-wal' '{ceiling}-shm'\n")
        f.write(f"sqlite3 '{before_path}' \".backup '{ceiling}'\"\n")
    with open(os.path.join(work, "load.sh"), "w", encoding="utf-8") as f:
        f.write(f"set -e\nsqlite3 '{ceiling}' <<'SQL'\nBEGIN;\n.read '{os.path.join(work, 'deletes.sql')}'\n")
        for table in TABLES:
            f.write(f".import --csv '{os.path.join(work, table + '.csv')}' {table}\n")
        f.write("COMMIT;\nSQL\n")
    print(" ".join(counts))


if __name__ == "__main__":
    main(*sys.argv[1:4])
