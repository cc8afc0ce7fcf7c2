package ru.fioco.training.application.web;

/** A reason given for returning or withdrawing an application; checked by the domain. */
public record ReasonRequest(String reason) {
}
