package org.dutygraph.inspections;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Evidence files, stored unchanged (metadata kept) under their SHA-256 in a content-addressed directory:
 * a file is accepted only if its hash is the one the phone recorded at capture, and a stored file is never
 * rewritten, so the hash in the graph proves the file is what was captured (chain of custody).
 */
@Service
public class EvidenceFiles {

    public enum Outcome {
        STORED,
        ALREADY_STORED,
        NOT_FOUND,
        NO_FILE_EXPECTED,
        HASH_MISMATCH,
        TOO_LARGE
    }

    /** {@code uploaded}: this item's own file was sent and matched its hash (not merely another item's). */
    public record Evidence(String id, String kind, String sha256, String mimeType, String planId, boolean uploaded) {

        boolean hasFile() {
            return !"NOTE".equals(kind) && EvidenceHashes.valid(sha256);
        }
    }

    private final GraphTransactions graph;
    private final InspectionEvidenceStore store;
    private final InspectionSettings settings;
    private final InspectionAudit audit;
    private final Clock clock;

    EvidenceFiles(
            GraphTransactions graph,
            InspectionEvidenceStore store,
            InspectionSettings settings,
            InspectionAudit audit,
            Clock clock) {
        this.graph = graph;
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The evidence item if the caller is on the visit's assignment or manages the plan. */
    public Optional<Evidence> find(InspectionCaller caller, String id) {
        return store.reachable(caller.username(), id);
    }

    public Outcome store(InspectionCaller caller, String id, InputStream body) throws IOException {
        var evidence = find(caller, id);
        if (evidence.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (!evidence.get().hasFile()) {
            return Outcome.NO_FILE_EXPECTED;
        }
        var sha = evidence.get().sha256();
        var target = path(sha);
        Files.createDirectories(target.getParent());
        var temp = Files.createTempFile(target.getParent(), "upload", ".part");
        Outcome outcome;
        try {
            // Always hashed, even when the file is stored already: a wrong body is refused, never acknowledged.
            var digest = sha256();
            long size;
            try (var in = new DigestInputStream(body, digest);
                    var out = Files.newOutputStream(temp)) {
                size = in.transferTo(new LimitedOutputStream(out, settings.maxEvidenceBytes()));
            } catch (LimitedOutputStream.LimitExceeded e) {
                return Outcome.TOO_LARGE;
            }
            if (size == 0 || !HexFormat.of().formatHex(digest.digest()).equals(sha)) {
                return Outcome.HASH_MISMATCH;
            }
            if (Files.exists(target)) {
                outcome = Outcome.ALREADY_STORED;
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                outcome = Outcome.STORED;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        graph.write(() -> {
            store.uploaded(id, caller.username(), clock.millis());
            audit.record(caller.username(), "upload-evidence", evidence.get().planId(), id);
        });
        return outcome;
    }

    /**
     * The stored file of an item whose own upload matched: files are shared by hash, so an item synced with the
     * hash of someone else's file does not reach that file until its recorder proves to hold the bytes.
     */
    public Optional<Path> file(Evidence evidence) {
        if (!evidence.hasFile() || !evidence.uploaded()) {
            return Optional.empty();
        }
        var path = path(evidence.sha256());
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    public void audited(InspectionCaller caller, Evidence evidence) {
        graph.write(() -> audit.record(caller.username(), "read-evidence", evidence.planId(), evidence.id()));
    }

    private Path path(String sha) {
        return EvidenceHashes.file(settings.evidenceDirectory(), sha);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
