#!/usr/bin/env python3
"""Writes exactly the bytes `tenderscore audit verify` hashes, for sha256sum to hash side by side
(goal 5 of Benchmarks/README.md):

    python3 Benchmarks/audit_bytes.py STORE OUT

For each event, the hashed message of TenderStore's EventChain (the previous hash's 32 bytes,
then seq, time, actor, kind, payload and reason, each as a 4-byte big-endian length and UTF-8
bytes, an absent reason as FF FF FF FF); then every stored document's bytes once.
"""
import sqlite3
import struct
import sys

store, out = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
total = 0
with open(out, "wb") as f:
    for seq, at, actor, kind, payload, reason, previous in db.execute(
        "SELECT seq, recorded_at, actor, kind, payload, reason, previous_hash FROM events ORDER BY seq"
    ):
        message = bytearray(bytes.fromhex(previous))
        for field in (str(seq), at, actor, kind, payload):
            data = field.encode()
            message += struct.pack(">I", len(data)) + data
        if reason is None:
            message += b"\xff\xff\xff\xff"
        else:
            data = reason.encode()
            message += struct.pack(">I", len(data)) + data
        f.write(message)
        total += len(message)
    for (blob,) in db.execute("SELECT bytes FROM documents"):
        f.write(blob)
        total += len(blob)
print(f"{total} bytes")
