// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.TenantContext;

/**
 * Contents as files below a folder, one folder per municipality, named by their hash
 * ({@code <root>/<tenant>/<first two hex digits>/<sha256>}), encrypted. Written to a temporary file
 * first and moved into place atomically, so a crash leaves no half-written content under a valid name.
 */
public class FileSystemContentStore implements ContentStore {

	private final Path root;
	private final ContentCipher cipher;

	public FileSystemContentStore(Path root, ContentCipher cipher) {
		this.root = root.toAbsolutePath().normalize();
		this.cipher = cipher;
	}

	@Override
	public String put(byte[] content) {
		String sha = Sha256.hex(content);
		Path target = path(sha);
		if (Files.exists(target)) {
			return sha;
		}
		write(target, cipher.seal(TenantContext.require(), sha, content));
		return sha;
	}

	/** Writes to a temporary file and moves it into place, replacing what is there (the same content). */
	private static void write(Path target, byte[] stored) {
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
			try {
				Files.write(temporary, stored);
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store content " + target.getFileName(), e);
		}
	}

	@Override
	public boolean rewrap(String sha256) {
		Path target = path(sha256);
		byte[] stored;
		try {
			stored = Files.readAllBytes(target);
		}
		catch (java.nio.file.NoSuchFileException e) {
			return false;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Content " + sha256 + " cannot be read", e);
		}
		java.util.Optional<byte[]> next = cipher.rewrap(TenantContext.require(), sha256, stored);
		next.ifPresent(bytes -> write(target, bytes));
		return next.isPresent();
	}

	@Override
	public byte[] get(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		try {
			byte[] content = cipher.open(TenantContext.require(), sha256, Files.readAllBytes(path(sha256)));
			if (!Sha256.hex(content).equals(sha256)) {
				throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged");
			}
			return content;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Content " + sha256 + " is missing", e);
		}
	}

	@Override
	public void delete(String sha256) {
		try {
			Files.deleteIfExists(path(sha256));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete content " + sha256, e);
		}
	}

	private Path path(String sha) {
		return root.resolve(TenantContext.require().toString()).resolve(sha.substring(0, 2)).resolve(sha);
	}
}
