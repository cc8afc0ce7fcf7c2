package ru.fioco.training.application.domain;

import java.util.Optional;

/** Where an application's rules look up its programme (the catalogue). */
public interface ProgrammeDirectory {

    Optional<ProgrammeFacts> find(String programmeId);
}
