package dev.sitrep.ui.common;

import dev.sitrep.core.SitrepException;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.QueueExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStatusTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(BackgroundTask.class.getName()).addHandler(capture);
        Logger.getLogger(TaskStatus.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(BackgroundTask.class.getName()).removeHandler(capture);
        Logger.getLogger(TaskStatus.class.getName()).removeHandler(capture);
    }

    private List<Throwable> loggedFailures() {
        synchronized (logged) {
            return logged.stream().map(LogRecord::getThrown).filter(t -> t != null).toList();
        }
    }

    @Test
    void aRunIsBusyUntilItsResultArrivesThenHandsItOn() {
        TaskStatus status = new TaskStatus();
        List<String> seen = new ArrayList<>();
        status.run(BackgroundTask.wrap(() -> {
            seen.add("work, busy=" + status.isBusy());
            return "done";
        }).onRunning(() -> seen.add("running")).onSuccess(r -> seen.add(r + ", busy=" + status.isBusy()))
                .onFinished(() -> seen.add("finished")), new DirectExecutor());
        assertThat(seen).containsExactly("running", "work, busy=true", "done, busy=false", "finished");
        assertThat(status.busyProperty().get()).isFalse();
        assertThat(status.failureProperty().get()).isEmpty();
    }

    @Test
    void aFailureIsShownInTheCommandersWordsAndLoggedWithItsException() {
        TaskStatus status = new TaskStatus();
        SitrepException boom = SitrepException.invalid("The store is locked by another Sitrep.");
        List<Throwable> handled = new ArrayList<>();
        status.run(BackgroundTask.<String>wrap(() -> {
            throw boom;
        }).onFailure(handled::add), new DirectExecutor());
        assertThat(status.failureProperty().get()).isEqualTo("The store is locked by another Sitrep.");
        assertThat(status.isBusy()).isFalse();
        assertThat(handled).containsExactly(boom);
        assertThat(loggedFailures()).contains(boom);
    }

    @Test
    void aFailureOfWorkOutsideARunIsShownAndLoggedToo() {
        TaskStatus status = new TaskStatus();
        IllegalStateException bug = new IllegalStateException("bug");
        status.fail(bug);
        assertThat(status.failureProperty().get()).isEqualTo(Messages.of(bug)).startsWith("Unexpected failure");
        assertThat(loggedFailures()).contains(bug);
    }

    @Test
    void aNewRunClearsTheOldFailure() {
        TaskStatus status = new TaskStatus();
        status.fail("Choose at least one platform to halt.");
        status.run(BackgroundTask.wrap(() -> 1), new DirectExecutor());
        assertThat(status.failureProperty().get()).isEmpty();
    }

    @Test
    void aFailureCanBeShownByTheFieldItBelongsTo() {
        TaskStatus status = new TaskStatus();
        List<String> field = new ArrayList<>();
        status.run(BackgroundTask.<String>wrap(() -> {
            throw SitrepException.invalid("A note cannot be empty.");
        }), new DirectExecutor(), field::add);
        assertThat(field).containsExactly("A note cannot be empty.");
        assertThat(status.failureProperty().get()).isEmpty();
        assertThat(status.isBusy()).isFalse();
    }

    @Test
    void progressAndMessageAreReportedAndStartFresh() {
        TaskStatus status = new TaskStatus();
        List<String> messages = new ArrayList<>();
        List<Number> progress = new ArrayList<>();
        status.messageProperty().addListener((obs, was, now) -> messages.add(now));
        status.progressProperty().addListener((obs, was, now) -> progress.add(now));
        status.run(BackgroundTask.wrap(p -> {
            p.progress(0.5);
            p.message("Storing 5 MiB of 10 MiB");
            return null;
        }).withMessage("Storing…"), new DirectExecutor());
        assertThat(messages).containsExactly("Storing…", "Storing 5 MiB of 10 MiB");
        assertThat(progress).containsExactly(0.5);
        status.run(BackgroundTask.wrap(() -> null), new DirectExecutor());
        assertThat(status.progressProperty().get()).as("indeterminate until told").isEqualTo(-1);
        assertThat(status.messageProperty().get()).isEmpty();
    }

    @Test
    void aLateResultOfAnOvertakenRunIsDropped() throws Exception {
        try (QueueExecutor executor = new QueueExecutor()) {
            TaskStatus status = new TaskStatus();
            CountDownLatch release = new CountDownLatch(1);
            List<String> shown = new ArrayList<>();
            List<String> finished = new ArrayList<>();
            status.run(BackgroundTask.wrap(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "old";
            }).onSuccess(shown::add).onFinished(() -> finished.add("old")), executor);
            status.run(BackgroundTask.wrap(() -> "new").onSuccess(shown::add).onFinished(() -> finished.add("new")),
                    executor);
            executor.runUntil(() -> !status.isBusy());
            assertThat(shown).containsExactly("new");
            release.countDown();
            executor.runUntilIdle();
            assertThat(shown).as("the older run's result came last and is ignored").containsExactly("new");
            assertThat(finished).containsExactly("new");
            assertThat(status.isBusy()).isFalse();
        }
    }

    @Test
    void aLateFailureOfAnOvertakenRunIsDropped() throws Exception {
        try (QueueExecutor executor = new QueueExecutor()) {
            TaskStatus status = new TaskStatus();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch newerStarted = new CountDownLatch(1);
            List<String> shown = new ArrayList<>();
            status.run(BackgroundTask.<String>wrap(() -> {
                release.await(10, TimeUnit.SECONDS);
                throw SitrepException.invalid("old failure");
            }).onFailure(f -> shown.add("old failed")), executor);
            status.run(BackgroundTask.wrap(() -> {
                newerStarted.countDown();
                release.await(10, TimeUnit.SECONDS);
                Thread.sleep(100); // the older run fails first
                return "new";
            }).onSuccess(shown::add), executor);
            assertThat(newerStarted.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            executor.runUntilIdle();
            assertThat(shown).containsExactly("new");
            assertThat(status.failureProperty().get()).isEmpty();
            assertThat(status.isBusy()).isFalse();
        }
    }

    @Test
    void cancelAsksTheWorkToStopAndItsFailureSaysSo() throws Exception {
        try (QueueExecutor executor = new QueueExecutor()) {
            TaskStatus status = new TaskStatus();
            CountDownLatch started = new CountDownLatch(1);
            status.run(BackgroundTask.wrap(p -> {
                started.countDown();
                while (!p.isCancelled()) {
                    Thread.sleep(5);
                }
                throw SitrepException.invalid("Capture cancelled; nothing was stored.");
            }), executor);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(status.isBusy()).isTrue();
            status.cancel();
            executor.runUntil(() -> !status.isBusy());
            assertThat(status.failureProperty().get()).isEqualTo("Capture cancelled; nothing was stored.");
        }
    }

    @Test
    void workCancelledBeforeItStartsNeverRunsAndTheStatusIsNoLongerBusy() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        UiExecutor later = new UiExecutor() {
            @Override
            public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                queued.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
                return new CompletableFuture<>();
            }

            @Override
            public void onFxThread(Runnable action) {
                action.run();
            }
        };
        TaskStatus status = new TaskStatus();
        List<String> seen = new ArrayList<>();
        status.run(BackgroundTask.wrap(() -> {
            seen.add("ran");
            return "x";
        }).onSuccess(seen::add).onFinished(() -> seen.add("finished")), later);
        assertThat(status.isBusy()).isTrue();
        status.cancel();
        assertThat(status.isBusy()).isFalse();
        queued.forEach(Runnable::run);
        assertThat(seen).containsExactly("finished");
        assertThat(status.failureProperty().get()).isEmpty();
    }

    @Test
    void aTaskWithoutAStatusMustSayWhereItsFailureGoes() {
        assertThatThrownBy(() -> BackgroundTask.wrap(() -> 1).executeWith(new DirectExecutor()))
                .isInstanceOf(IllegalStateException.class);
        List<String> shown = new ArrayList<>();
        BackgroundTask.<Integer>wrap(() -> {
            throw SitrepException.invalid("nope");
        }).onFailure(f -> shown.add(Messages.of(f))).executeWith(new DirectExecutor());
        assertThat(shown).containsExactly("nope");
    }

    @Test
    void eachGetterReturnsTheSamePropertyEveryCall() {
        TaskStatus status = new TaskStatus();
        assertThat(status.busyProperty()).isSameAs(status.busyProperty());
        assertThat(status.progressProperty()).isSameAs(status.progressProperty());
        assertThat(status.messageProperty()).isSameAs(status.messageProperty());
        assertThat(status.failureProperty()).isSameAs(status.failureProperty());
    }
}
