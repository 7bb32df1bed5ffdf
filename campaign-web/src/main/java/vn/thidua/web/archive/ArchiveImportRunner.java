package vn.thidua.web.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.thidua.eventstore.integrity.EventArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --thidua.archive.import=<file>}: restores an archive (GET /api/v1/admin/archive) into an empty database at
 * start-up. Runs once every bean exists (Flyway has migrated) and before the application context starts its
 * lifecycle: before the event processors start and before the web server accepts a request. A refused archive or a
 * non-empty store stops the start-up with the reason; nothing is written. The processors then build the projections
 * from the imported events as from any others.
 */
@Component
@ConditionalOnProperty("thidua.archive.import")
public class ArchiveImportRunner implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ArchiveImportRunner.class);

    private final EventArchive archive;
    private final Path file;

    public ArchiveImportRunner(EventArchive archive, @Value("${thidua.archive.import}") String file) {
        this.archive = archive;
        this.file = Path.of(file);
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.info("Importing the event archive {}", file.toAbsolutePath());
        try (InputStream in = Files.newInputStream(file)) {
            EventArchive.Header header = archive.importFrom(in);
            log.info("Imported {} events (positions up to {}) from {}, exported {}; chain head {}", header.events(),
                    header.lastPosition(), file, header.exportedAt(), header.head());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive " + file.toAbsolutePath(), e);
        } catch (EventArchive.Refused e) {
            throw new IllegalStateException("archive " + file.toAbsolutePath() + " not imported: " + e.getMessage(), e);
        }
    }
}
