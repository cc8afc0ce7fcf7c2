package ru.fioco.training.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.RuleViolationException;

/** Which failures of a filing command let the upload's bytes go: only refusals, never a failure of the way there. */
class FileStoreRefusalTest {

    @Test
    void refusalsDiscardTheBytes() {
        assertThat(FileStore.isRefusal(new ConflictException("уже принят"))).isTrue();
        assertThat(FileStore.isRefusal(new InvalidInputException("file", "пустой файл"))).isTrue();
        assertThat(FileStore.isRefusal(new RuleViolationException("participants-locked", "участники закреплены")))
                .isTrue();
        assertThat(FileStore.isRefusal(new AggregateNotFoundException("a1", "нет дела"))).isTrue();
    }

    @Test
    void failuresThatMayFollowAStoredEventKeepTheBytes() {
        assertThat(FileStore.isRefusal(new MongoTimeoutException("no server"))).isFalse();
        assertThat(FileStore.isRefusal(new CommandExecutionException("timed out", null))).isFalse();
        assertThat(FileStore.isRefusal(new IllegalStateException("shutting down"))).isFalse();
    }
}
