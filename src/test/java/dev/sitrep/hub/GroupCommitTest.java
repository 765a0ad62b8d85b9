package dev.sitrep.hub;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pushes waiting while one is written go together, each gets its own result, and one bad push fails alone. */
class GroupCommitTest {

    @Test
    void pushesThatArriveWhileOneIsWrittenGoTogetherInOrderEachWithItsResult() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>(group -> {
            groups.add(group);
            if (group.contains(0)) {
                firstIn.countDown();
                await(release);
            }
            return group.stream().map(n -> "done " + n).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(10);
        Future<String> first = pool.submit(() -> commit.submit(0));
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> rest = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            int k = n;
            rest.add(pool.submit(() -> commit.submit(k)));
        }
        Thread.sleep(200); // all nine wait behind the first write
        release.countDown();

        assertThat(first.get()).isEqualTo("done 0");
        for (int n = 1; n <= 9; n++) {
            assertThat(rest.get(n - 1).get()).isEqualTo("done " + n);
        }
        pool.shutdown();
        assertThat(groups).as("the first alone, then the nine that waited, together").hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void whenAGroupFailsEachIsTriedAloneSoOnlyTheBadOneFails() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>(group -> {
            groups.add(group);
            if (group.contains(0)) {
                firstIn.countDown();
                await(release);
            }
            if (group.contains(13)) {
                throw new SQLException("duplicate key value violates unique constraint");
            }
            return group.stream().map(n -> "done " + n).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<String> first = pool.submit(() -> commit.submit(0));
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> good = pool.submit(() -> commit.submit(12));
        Future<String> bad = pool.submit(() -> commit.submit(13));
        Thread.sleep(200);
        release.countDown();

        assertThat(first.get()).isEqualTo("done 0");
        assertThat(good.get()).as("written again alone after its group failed").isEqualTo("done 12");
        assertThatThrownBy(bad::get).hasCauseInstanceOf(SQLException.class);
        pool.shutdown();
        assertThat(groups).hasSize(4);
        assertThat(groups.get(1)).containsExactlyInAnyOrder(12, 13);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
