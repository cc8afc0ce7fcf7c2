package ru.fioco.training.messaging.api;

/** The two parties of a thread: the organisation's representatives and the institute's staff. */
public enum Side { ORGANISATION, INSTITUTE }
