package ru.fioco.training.platform.consuming;

import java.time.OffsetDateTime;

/**
 * One event received from another service, with its CloudEvents attributes.
 *
 * @param id       {@code ce_id}: the event's unique id in its producer's event store
 * @param type     {@code ce_type}
 * @param subject  {@code ce_subject}: the application (or programme) the event belongs to
 * @param time     {@code ce_time}
 * @param actor    who caused it, if the producer recorded it
 * @param payload  the event record
 */
public record InboundEvent<E>(String id, String type, String subject, OffsetDateTime time, String actor, E payload) {
}
