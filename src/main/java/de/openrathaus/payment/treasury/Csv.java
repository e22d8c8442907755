// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.nio.charset.StandardCharsets;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a cell with a comma, quote or line
 * break in double quotes with inner quotes doubled; UTF-8 without byte order mark. A cell starting
 * with {@code = + - @}, tab or carriage return is prefixed with an apostrophe, so a spreadsheet opens
 * it as text and never as a formula (CSV injection).
 */
final class Csv {

	private final StringBuilder out = new StringBuilder();

	Csv row(Object... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(String.valueOf(cells[i])));
		}
		out.append("\r\n");
		return this;
	}

	static String cell(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	byte[] bytes() {
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
