// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;



import org.jspecify.annotations.Nullable;

/** File names from uploads made safe to store and show. */
public final class Filenames {

	private Filenames() {
	}

	/**
	 * A safe display name: path, control and format characters removed, NFC, at most 120
	 * characters (the extension kept), never empty.
	 */
	public static String clean(@Nullable String original) {
		String name = InputText.nfc(original == null ? "" : original);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cc}\\p{Cf}\"<>|:*?]", "").strip();
		if (name.length() > 120) {
			int dot = name.lastIndexOf('.');
			String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, 120 - ext.length()) + ext;
		}
		return name.isBlank() || name.equals(".") || name.equals("..") ? "anlage" : name;
	}

	/**
	 * The name with an extension that matches the media type, so the file a browser saves opens as
	 * what it is: {@code poly.html} holding a PDF becomes {@code poly.pdf}. A name whose extension is
	 * one of the type's known extensions stays as it is; an unknown type gets {@code .bin}.
	 */
	public static String matching(String filename, String mediaType) {
		String name = clean(filename);
		java.util.List<String> extensions;
		try {
			org.apache.tika.mime.MimeType type = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes()
				.forName(org.apache.tika.mime.MediaType.parse(mediaType).getBaseType().toString());
			extensions = type.getExtensions();
		}
		catch (org.apache.tika.mime.MimeTypeException | RuntimeException e) {
			extensions = java.util.List.of();
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
		if (!extension.isEmpty() && extensions.contains(extension)) {
			return name;
		}
		String base = dot > 0 ? name.substring(0, dot) : name;
		return base + (extensions.isEmpty() ? ".bin" : extensions.get(0));
	}
}
