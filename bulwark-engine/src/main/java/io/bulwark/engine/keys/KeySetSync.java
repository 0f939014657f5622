package io.bulwark.engine.keys;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.KeySetIds;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.variable.KeySetFollowers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the key sets of the nodes that share one database in step (D2). The key set, wrapped under
 * the key-encryption key that all nodes' copies of the key store share, is published in {@code
 * bw_key_set} with a version: by an online rotation or destroy (in its transaction, the row locked
 * first so that two changes never overwrite each other) and at start. Every node looks for a newer
 * version every {@link #POLL} and when it meets a value under a key it does not know, adopts it
 * (its key store file is rewritten), and records the version it uses in {@code bw_key_node}. The
 * re-encryption job keeps running and a destroy is refused while a node seen in the last {@link
 * #ALIVE} lags, so that no value a lagging node writes under an older key is left behind.
 */
public final class KeySetSync implements KeySetFollowers, AutoCloseable {

  /** How often a node looks for a newer key set. */
  static final Duration POLL = Duration.ofSeconds(1);

  /** A node not seen for this long is taken as stopped; it adopts the newest key set at start. */
  static final Duration ALIVE = Duration.ofSeconds(15);

  private static final long REFRESH_SPACING_MS = 200;

  private static final Duration REFRESH_WAIT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(KeySetSync.class);

  private static final Actor ACTOR = Actor.system("key-set-sync");

  private final CommandExecutor commands;
  private final LocalKeyStore store;
  private final Clock clock;
  private final String node;
  private final AtomicLong lastRefresh = new AtomicLong();
  private final ScheduledExecutorService poller;
  private volatile long version;
  private volatile @Nullable Future<?> inFlight;
  private volatile @Nullable Future<?> polling;

  private KeySetSync(CommandExecutor commands, LocalKeyStore store, Clock clock) {
    this.commands = commands;
    this.store = store;
    this.clock = clock;
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    this.node = ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "bulwark-key-set-sync");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Brings the node's key set in step with the published one, then follows it. */
  public static KeySetSync start(CommandExecutor commands, LocalKeyStore store, Clock clock) {
    KeySetSync sync = new KeySetSync(commands, store, clock);
    commands.execute(ACTOR, new StepCommand(sync::startUp));
    store.fieldCipher().onUnknownKey(sync::refresh);
    sync.polling =
        sync.poller.scheduleWithFixedDelay(
            sync::pollQuietly, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    return sync;
  }

  private void startUp(Connection connection) throws SQLException {
    Optional<KeySetRows.Published> published = KeySetRows.read(connection, true);
    if (published.isEmpty()) {
      version = KeySetRows.publish(connection, store.wrappedKeys());
    } else {
      KeySetIds local = store.ids();
      KeySetIds shared = store.idsOf(published.get().wrapped());
      if (local.equals(shared)) {
        version = published.get().version();
      } else if (changedOffline(local, shared)) {
        version = KeySetRows.publish(connection, store.wrappedKeys());
        LOG.info("published this node's key set, changed offline, as version {} (D2)", version);
      } else {
        store.adopt(published.get().wrapped());
        version = published.get().version();
        LOG.info("adopted the database's key set version {} (D2)", version);
      }
    }
    KeySetRows.heartbeat(connection, node, version, clock.millis());
  }

  /**
   * Whether the local key set was rotated (a primary the published set lacks) or had a key
   * destroyed (the same primary, fewer keys) with every node stopped.
   */
  static boolean changedOffline(KeySetIds local, KeySetIds shared) {
    return !shared.all().contains(local.primary())
        || (local.primary() == shared.primary() && shared.all().containsAll(local.all()));
  }

  private void poll(Connection connection) throws SQLException {
    Optional<KeySetRows.Published> published = KeySetRows.read(connection, false);
    if (published.isPresent() && published.get().version() > version) {
      store.adopt(published.get().wrapped());
      version = published.get().version();
      LOG.info("adopted the key set version {} another node published (D2)", version);
    }
    KeySetRows.heartbeat(connection, node, version, clock.millis());
  }

  private void pollQuietly() {
    try {
      commands.execute(ACTOR, new StepCommand(this::poll));
    } catch (RuntimeException e) {
      LOG.warn("cannot look for a newer key set (D2): {}", e.getMessage());
    }
  }

  /**
   * Looks for a newer key set now, on the poller's thread, and waits for it (at most {@link
   * #REFRESH_WAIT}): a value under a key this node does not know yet. At most one look every 200
   * ms; callers meanwhile wait for the look in flight.
   */
  void refresh() {
    long now = clock.millis();
    long last = lastRefresh.get();
    Future<?> look = inFlight;
    if (now - last >= REFRESH_SPACING_MS && lastRefresh.compareAndSet(last, now)) {
      look = poller.submit(this::pollQuietly);
      inFlight = look;
    }
    if (look == null) {
      return;
    }
    try {
      look.get(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      LOG.debug("no newer key set within {}: {}", REFRESH_WAIT, e.toString());
    }
  }

  /**
   * In a rotation's or destroy's transaction, before it changes the key set: locks the published
   * row and adopts what another node published meanwhile.
   */
  void beforeChange(Connection connection) throws SQLException {
    Optional<KeySetRows.Published> published = KeySetRows.read(connection, true);
    if (published.isPresent() && published.get().version() > version) {
      store.adopt(published.get().wrapped());
      version = published.get().version();
    }
  }

  /**
   * In the same transaction, after the change: publishes the node's key set as the next version.
   */
  void publish(Connection connection) throws SQLException {
    version = KeySetRows.publish(connection, store.wrappedKeys());
    KeySetRows.heartbeat(connection, node, version, clock.millis());
  }

  /** The live nodes that still use an older key set. */
  List<String> lagging(Connection connection) throws SQLException {
    return KeySetRows.lagging(connection, clock.millis() - ALIVE.toMillis());
  }

  /** Whether another node was seen recently: a rotation then always schedules the job. */
  boolean othersAlive(Connection connection) throws SQLException {
    return KeySetRows.othersAlive(connection, node, clock.millis() - ALIVE.toMillis());
  }

  @Override
  public boolean allSwitched(Connection connection) throws SQLException {
    return lagging(connection).isEmpty();
  }

  /**
   * Offline (no node runs): publishes the store's key set as it now is, wrapped under its current
   * key-encryption key, when the database has one published (after an offline rotation, destroy or
   * re-wrap).
   */
  public static void republish(CommandExecutor commands, LocalKeyStore store) {
    commands.execute(
        ACTOR,
        new StepCommand(
            connection -> {
              if (KeySetRows.read(connection, true).isPresent()) {
                KeySetRows.publish(connection, store.wrappedKeys());
              }
            }));
  }

  /** This node's name in {@code bw_key_node}. */
  public String node() {
    return node;
  }

  @Override
  public void close() {
    Future<?> running = polling;
    if (running != null) {
      running.cancel(false);
    }
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
      commands.execute(ACTOR, new StepCommand(connection -> KeySetRows.leave(connection, node)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("cannot remove node {} from bw_key_node: {}", node, e.getMessage());
    }
  }

  /** One step in the executor's transaction, with its connection. */
  private record StepCommand(Work work) implements Command<Void> {

    @Override
    public Requirement requirement() {
      return Requirement.none("internal: the engine keeps its key set in step, no caller");
    }

    @Override
    public Void execute(CommandContext context) throws SQLException {
      work.run(context.connection());
      return null;
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(Connection connection) throws SQLException;
  }
}
