package digitlab.train.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers events to listeners on one daemon thread, in order, so the caller (the training thread) only
 * enqueues: a slow listener never slows training. A listener that throws is logged and dropped.
 *
 * @param <L> the listener type
 */
public final class ListenerDispatcher<L> {

    private static final System.Logger LOG = System.getLogger(ListenerDispatcher.class.getName());

    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    /** A dispatcher whose thread is named {@code name}. */
    public ListenerDispatcher(String name) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds a listener. */
    public void add(L listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void remove(L listener) {
        listeners.remove(listener);
    }

    /** Whether anyone listens (to skip building events nobody reads). */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Queues {@code event} for every listener registered when it is delivered. */
    public void fire(Consumer<L> event) {
        if (listeners.isEmpty()) return;
        try {
            thread.execute(() -> {
                for (L l : listeners) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException | LinkageError e) {
                        listeners.remove(l);
                        LOG.log(System.Logger.Level.WARNING, "training listener " + l.getClass().getName()
                                + " failed and was removed: " + e, e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the session is over.
        }
    }

    /** Delivers what is queued (waiting up to {@code seconds}) and stops the thread. */
    public void close(long seconds) {
        thread.shutdown();
        try {
            thread.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
