// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.jspecify.annotations.Nullable;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Looks into a PDF before anyone else parses it (the upload checks, the text extraction): is it a
 * PDF at all (PDFBox can load it, not only its first bytes say {@code %PDF-}), does any stream
 * inflate beyond a limit (a few megabytes of zeros compressed with FlateDecode make gigabytes, which
 * PDFBox would inflate in memory), and does it carry active content (JavaScript, launch actions).
 * Streams are inflated here into a bounded buffer, one filter after the other, so a bomb costs at
 * most {@link Limits#maxStreamBytes()} of memory and the time to inflate that much. Image streams
 * are not inflated: nothing that reads text decodes them.
 */
public final class PdfInspection {

	/** Why a PDF was refused. */
	public enum Problem {
		/** PDFBox cannot load it: not a PDF, or broken beyond repair. */
		UNREADABLE,
		/** Protected by a password, so its content cannot be checked. */
		ENCRYPTED,
		/** A stream inflates beyond the limits. */
		TOO_LARGE,
		/** JavaScript or an action that starts a program or imports data. */
		ACTIVE_CONTENT,
		/** The time given was used up. */
		TIME_LIMIT
	}

	/** A PDF that must not be processed further, with the reason. */
	public static final class Refused extends RuntimeException {

		private final Problem problem;

		Refused(Problem problem) {
			this(problem, null);
		}

		Refused(Problem problem, @Nullable Throwable cause) {
			super(problem.name(), cause, false, false);
			this.problem = problem;
		}

		public Problem problem() {
			return problem;
		}
	}

	/**
	 * How much the streams of one PDF may inflate to: each on its own and all of them together.
	 * The defaults leave room for a thousand pages of text and refuse a bomb within a second.
	 */
	public record Limits(long maxStreamBytes, long maxTotalBytes) {

		public static final Limits DEFAULT = new Limits(64L << 20, 256L << 20);
	}

	/** Filters that nothing reading text decodes, or that only ever shrink; streams ending in them are not inflated here. */
	private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE,
			COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

	/** Action types that run code, start programs or pull in outside data. */
	private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"), COSName.getPDFName("ImportData"),
			COSName.getPDFName("RichMediaExecute"));

	private static final int MAX_DEPTH = 64;

	private PdfInspection() {
	}

	/** Checks a PDF completely: loadable, not encrypted, within the limits, no active content. */
	public static void check(byte[] content, Limits limits, Instant deadline) {
		inspect(content, limits, deadline, true);
	}

	/** Checks only that a PDF is loadable and none of its streams inflates beyond the limits (before extracting its text). */
	public static void checkSize(byte[] content, Limits limits, Instant deadline) {
		inspect(content, limits, deadline, false);
	}

	private static void inspect(byte[] content, Limits limits, Instant deadline, boolean activeContent) {
		try (PDDocument document = Loader.loadPDF(content)) {
			COSDocument cos = document.getDocument();
			// streams never sit inside object streams: check every stream (and so every object stream) before
			// any compressed object is read, which would make PDFBox inflate its object stream in memory
			List<COSObjectKey> keys = new ArrayList<>(cos.getXrefTable().keySet());
			long total = 0;
			for (COSObjectKey key : keys) {
				if (cos.getXrefTable().getOrDefault(key, 0L) < 0) {
					continue;
				}
				timeLeft(deadline);
				if (cos.getObjectFromPool(key).getObject() instanceof COSStream stream) {
					total += inflatedSize(stream, Math.min(limits.maxStreamBytes(), limits.maxTotalBytes() - total));
				}
			}
			if (activeContent) {
				Map<COSBase, Boolean> seen = new IdentityHashMap<>();
				for (COSObjectKey key : keys) {
					timeLeft(deadline);
					if (isActive(cos.getObjectFromPool(key).getObject(), seen, 0)) {
						throw new Refused(Problem.ACTIVE_CONTENT);
					}
				}
				if (isActive(document.getDocumentCatalog().getCOSObject(), seen, 0)) {
					throw new Refused(Problem.ACTIVE_CONTENT);
				}
			}
		}
		catch (InvalidPasswordException e) {
			throw new Refused(Problem.ENCRYPTED);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Refused refused) {
				throw refused;
			}
			throw new Refused(Problem.UNREADABLE, e);
		}
	}

	private static void timeLeft(Instant deadline) {
		if (Instant.now().isAfter(deadline)) {
			throw new Refused(Problem.TIME_LIMIT);
		}
	}

	/** The size of a stream after its filters (up to the first image filter); refuses once it passes {@code max}. */
	private static long inflatedSize(COSStream stream, long max) throws IOException {
		if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
			return 0;
		}
		List<COSName> filters = filters(stream.getFilters());
		byte[] data;
		try (InputStream raw = stream.createRawInputStream()) {
			data = raw.readAllBytes();
		}
		for (int i = 0; i < filters.size() && !IMAGE_FILTERS.contains(filters.get(i)); i++) {
			Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
			BoundedOutput decoded = new BoundedOutput(max);
			filter.decode(new ByteArrayInputStream(data), decoded, stream, i);
			data = decoded.toByteArray();
		}
		if (data.length > max) {
			throw new Refused(Problem.TOO_LARGE);
		}
		return data.length;
	}

	private static List<COSName> filters(COSBase filters) {
		if (filters instanceof COSName name) {
			return List.of(name);
		}
		List<COSName> names = new ArrayList<>();
		if (filters instanceof COSArray array) {
			for (COSBase entry : array) {
				if (entry instanceof COSName name) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/** Whether an object or anything directly inside it is an active action or a JavaScript name tree. */
	private static boolean isActive(COSBase object, Map<COSBase, Boolean> seen, int depth) {
		if (object == null || depth > MAX_DEPTH || seen.put(object, Boolean.TRUE) != null) {
			return false;
		}
		if (object instanceof COSDictionary dictionary) {
			COSName action = dictionary.getCOSName(COSName.S);
			if (action != null && ACTIVE_ACTIONS.contains(action) || dictionary.containsKey(COSName.JS)
					|| dictionary.containsKey(COSName.JAVA_SCRIPT)) {
				return true;
			}
			for (COSBase value : dictionary.getValues()) {
				if (!(value instanceof COSObject) && isActive(value, seen, depth + 1)) {
					return true;
				}
			}
		}
		else if (object instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				COSBase value = array.get(i);
				if (!(value instanceof COSObject) && isActive(value, seen, depth + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	/** A buffer that refuses to grow beyond its limit. */
	private static final class BoundedOutput extends ByteArrayOutputStream {

		private final long max;

		BoundedOutput(long max) {
			this.max = max;
		}

		@Override
		public synchronized void write(int b) {
			grow(1);
			super.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			grow(len);
			super.write(b, off, len);
		}

		private void grow(int length) {
			if (count + (long) length > max) {
				throw new Refused(Problem.TOO_LARGE);
			}
		}
	}
}
