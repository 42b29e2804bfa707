-- The tombstone revision (docs/privacy.md, "Tombstones"): every erasure takes a value of this sequence while it
-- holds its store exclusively, and every write reads the last one in the statement that takes its store's lock
-- (PostgreSQL; a sequence is read outside the statement's snapshot, so a write that waited for an erasure sees the
-- value it took). A server remembers "this store has no tombstone" only as of a revision: an erasure in any
-- process moves it on, and the next write of that store looks again. The embedded H2 database keeps the revision
-- in the one process that opens it; the sequence is made there too, unused.
CREATE SEQUENCE privacy_tombstone_revision;
