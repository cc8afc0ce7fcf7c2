package ru.fioco.training.application.api;

/** The kind of application; only training exists today (later: event and webinar registrations, «M-NNNNNN»). */
public enum ApplicationType { TRAINING }
