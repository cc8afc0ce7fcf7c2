package ru.fioco.training.application.api;

/** A programme's tutor («тьютор»), shown to participants with the course access. Staff, not data subjects of an application. */
public record Tutor(String name, String email) {
}
