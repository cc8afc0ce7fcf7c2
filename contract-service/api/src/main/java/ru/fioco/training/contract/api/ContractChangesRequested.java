package ru.fioco.training.contract.api;

/**
 * The organisation asked for changes to a draft version («Изменили пункт 4 договора…», l.328): staff answer with
 * the next version.
 *
 * @param comment what to change, as the representative wrote it
 */
public record ContractChangesRequested(String applicationId, int version, String comment) implements ContractEvent {
}
