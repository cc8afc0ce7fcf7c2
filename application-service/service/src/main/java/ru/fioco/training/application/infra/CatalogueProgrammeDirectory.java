package ru.fioco.training.application.infra;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.fioco.training.application.domain.ProgrammeDirectory;
import ru.fioco.training.application.domain.ProgrammeFacts;
import ru.fioco.training.application.query.ProgrammeCatalogue;

/** Applications learn their programme from the catalogue read model. */
@ApplicationScoped
public class CatalogueProgrammeDirectory implements ProgrammeDirectory {

    @Inject
    ProgrammeCatalogue catalogue;

    @Override
    public Optional<ProgrammeFacts> find(String programmeId) {
        return catalogue.find(programmeId)
                .map(p -> new ProgrammeFacts(p.id(), p.title(), p.startDate(), p.subjects(), p.open()));
    }
}
