// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

/** Which side of a street a range covers: German streets number one side even, the other odd. */
enum Parity {
	ALL, EVEN, ODD;

	boolean admits(int number) {
		return switch (this) {
			case ALL -> true;
			case EVEN -> number % 2 == 0;
			case ODD -> number % 2 == 1;
		};
	}

	boolean sharesNumbersWith(Parity other) {
		return this == ALL || other == ALL || this == other;
	}
}
