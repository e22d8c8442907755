// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and the guard against spreadsheet formulas. */
class CsvTests {

	@Test
	void cellsThatASpreadsheetWouldRunAsAFormulaBecomeText() {
		assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell("-1")).isEqualTo("'-1");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
		assertThat(Csv.cell("1.06.01")).isEqualTo("1.06.01");
		assertThat(Csv.cell("")).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedAndRowsEndWithCrlf() {
		byte[] bytes = new Csv().row("a,b", "say \"hi\"", "two\nlines", 1234, "Grüße").bytes();
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",1234,Grüße\r\n");
	}

	@Test
	void eurosHaveADecimalCommaAndTwoPlaces() {
		assertThat(AccountingExport.euros(new de.openrathaus.tax.Money(123456))).isEqualTo("1234,56");
		assertThat(AccountingExport.euros(new de.openrathaus.tax.Money(5))).isEqualTo("0,05");
	}
}
