package io.concordat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs the same call from many threads released at one instant, as a fleet of CI jobs
 * does when they all publish at once, and hands back what each call returned, in
 * contender order.
 */
public final class Race {

	private Race() {
	}

	public static <T> List<T> between(int contenders, IntFunction<T> call) {
		ExecutorService threads = Executors.newFixedThreadPool(contenders);
		CountDownLatch ready = new CountDownLatch(contenders);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				int contender = i;
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.apply(contender);
				}));
			}
			if (!ready.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not every contender started");
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("A contender failed", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
