// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import de.openrathaus.account.AccountId;
import de.openrathaus.seal.DecisionSeal;
import de.openrathaus.seal.signing.PadesSealer;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks, seals, registers and revokes the current municipality's decisions. */
@Service
class SealService implements DecisionSeal {

	static final int REASON_MAX = 2000;

	private final PadesSealer sealer;
	private final SealRegister register;
	private final Tenants tenants;

	SealService(PadesSealer sealer, SealRegister register, Tenants tenants) {
		this.sealer = sealer;
		this.register = register;
		this.tenants = tenants;
	}

	@Override
	public VerificationMark mark(String reference) {
		String code = Codes.next();
		String url = base(tenants.current()) + "/pruefen?az=" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&code=" + code;
		return new VerificationMark(code, url, qrPng(url));
	}

	@Override
	public byte[] seal(byte[] pdf, String reference) {
		return sealer.seal(tenants.current(), pdf, reference);
	}

	@Override
	@Transactional
	public void register(SealedDecision decision) {
		register.add(decision);
	}

	@Override
	@Transactional
	public void revoke(String reference, String reason, AccountId by, Instant at) {
		String text = reason.strip();
		if (text.isEmpty()) {
			throw Refusal.of("seal.revoke.reason.required");
		}
		if (text.length() > REASON_MAX) {
			throw Refusal.of("seal.revoke.reason.tooLong");
		}
		if (!register.revoke(reference, text, by.value(), at)) {
			throw Refusal.conflict("seal.revoke.notPossible");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Revocation> revocationOf(String reference) {
		return register.byReference(reference)
			.filter(entry -> entry.revokedAt() != null)
			.map(entry -> new Revocation(entry.revokedAt(), entry.revocationReason()));
	}

	/** The address printed on documents: the configured one, else the one this request came in on. */
	static String base(Tenant tenant) {
		return tenant.configuredPublicUrl().or(RequestOrigin::current).orElse("http://localhost:8080");
	}

	/** The text as a QR code, a PNG {@code data:} URI (RGB, no transparency: fine for PDF/A). */
	static String qrPng(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("text too long for a QR code", e);
		}
		// black and white, one bit per pixel: the PDF then holds a small grey-scale image instead of 24-bit
		// colour, which every later pass over the document (seal digest, DSS's revisions, filing) reads
		int scale = 4;
		BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
		WritableRaster pixels = image.getRaster();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				pixels.setSample(x, y, 0, matrix.get(x / scale, y / scale) ? 0 : 1);
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
