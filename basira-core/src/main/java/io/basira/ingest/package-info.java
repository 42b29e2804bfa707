/**
 * The write use case, {@link io.basira.ingest.IngestRecords}, and the ports it writes through. One
 * call is one transaction: records are checked (references, then locks taken in one sorted order:
 * records before customers), written, every {@link io.basira.ingest.WriteParticipant} is told each
 * order's before and after, and the touched customers' cards are refreshed; all of it commits or none
 * of it does. Sending the same records again changes nothing.
 */
package io.basira.ingest;
