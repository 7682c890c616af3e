package dk.model3.publishing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dk.model3.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder ({@code triage.rules.dir}) and its version folders, and
 * reloads when files there change. An editor saves several files in a row, so it waits
 * until the folder has been quiet for {@code triage.rules.watch-quiet} before reloading.
 * Off with {@code triage.rules.watch=false}; nothing to watch for packaged rules.
 */
@Component
class RulesWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

	private final RuleReloader reloader;

	private final Path directory;

	private final boolean enabled;

	private final Duration quiet;

	private volatile WatchService watchService;

	private volatile Thread thread;

	RulesWatcher(RuleReloader reloader, RulesProperties properties) {
		this.reloader = reloader;
		this.directory = properties.directory();
		this.enabled = properties.watch();
		this.quiet = properties.watchQuiet();
	}

	@Override
	public void start() {
		if (!this.enabled || this.directory == null || !this.reloader.reloadable()) {
			return;
		}
		try {
			this.watchService = FileSystems.getDefault().newWatchService();
			register(this.directory);
			try (Stream<Path> folders = Files.list(this.directory)) {
				for (Path folder : folders.filter(Files::isDirectory).toList()) {
					register(folder);
				}
			}
		}
		catch (IOException ex) {
			log.error("Cannot watch the rules folder {}; use POST /api/v1/admin/rules/reload: {}", this.directory,
					ex.getMessage());
			return;
		}
		this.thread = new Thread(this::watch, "rules-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
		log.info("Watching {} for rule changes", this.directory.toAbsolutePath());
	}

	private void register(Path folder) throws IOException {
		folder.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
				StandardWatchEventKinds.ENTRY_DELETE);
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = this.watchService.take();
				drain(key);
				// wait for the editor to finish saving before loading
				WatchKey more;
				while ((more = this.watchService.poll(this.quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
					drain(more);
				}
				try {
					this.reloader.reload();
				}
				catch (RuntimeException ex) {
					log.error("Rule reload failed: {}", ex.getMessage(), ex);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ClosedWatchServiceException ex) {
			// stopped
		}
	}

	private void drain(WatchKey key) {
		Path parent = (Path) key.watchable();
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
				Path created = parent.resolve(name);
				if (parent.equals(this.directory) && Files.isDirectory(created)) {
					try {
						register(created);
					}
					catch (IOException ex) {
						log.warn("Cannot watch the new folder {}: {}", created, ex.getMessage());
					}
				}
			}
		}
		key.reset();
	}

	@Override
	public void stop() {
		WatchService service = this.watchService;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				log.debug("Closing the rules watcher: {}", ex.getMessage());
			}
		}
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
		this.thread = null;
		this.watchService = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
