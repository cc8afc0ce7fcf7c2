package ru.fioco.training.application.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

import ru.fioco.training.application.policy.IdentityDirectory;

/**
 * The identity provider in this service's tests, where no Keycloak runs: keeps what the policy told it, per person,
 * the way Keycloak keeps the attribute {@code org}. The system tests use the real one.
 */
@Mock
@ApplicationScoped
public class RecordingIdentityDirectory implements IdentityDirectory {

    private final Map<String, String> organisations = new ConcurrentHashMap<>();
    private final List<String> endedSessions = new CopyOnWriteArrayList<>();
    private final List<String> forgotten = new CopyOnWriteArrayList<>();

    @Override
    public void linkOrganisation(String subject, String organisationInn) {
        organisations.put(subject, organisationInn);
    }

    @Override
    public void unlinkOrganisation(String subject, boolean endSessions) {
        organisations.remove(subject);
        if (endSessions) {
            endedSessions.add(subject);
        }
    }

    @Override
    public void forget(String subject) {
        organisations.remove(subject);
        forgotten.add(subject);
    }

    public boolean forgotten(String subject) {
        return forgotten.contains(subject);
    }

    public Optional<String> organisationOf(String subject) {
        return Optional.ofNullable(organisations.get(subject));
    }

    public boolean sessionsEnded(String subject) {
        return endedSessions.contains(subject);
    }
}
