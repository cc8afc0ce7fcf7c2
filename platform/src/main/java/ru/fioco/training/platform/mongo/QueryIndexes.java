package ru.fioco.training.platform.mongo;

import java.util.List;

import org.bson.conversions.Bson;

/**
 * The secondary indexes a service's queries need (a real MongoDB scans a whole collection without them: the
 * staff's queues, the passes over due reminders and mails, the lists by organisation). A service declares them in
 * one bean; {@link QueryIndexesRuntime} creates them at start, before any query. Creating an index that exists is a
 * no-op; the embedded server accepts and ignores them.
 */
public interface QueryIndexes {

    record Index(String collection, Bson keys) {
    }

    List<Index> indexes();
}
