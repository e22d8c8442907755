// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.parking.ParkingZone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The zones and their streets of the municipality bound to the connection (row-level security). */
@Component
class ZoneStore {

	/** A zone with its id, for the administrators' pages. */
	record StoredZone(UUID id, String code, String name) {

		ParkingZone zone() {
			return new ParkingZone(code, name);
		}
	}

	private static final String SEGMENT = "select id, zone_id, street, street_key, postal_code, number_from, number_to, parity from parking.zone_street ";

	private final JdbcClient jdbc;

	ZoneStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredZone> zones() {
		return jdbc.sql("select id, code, name from parking.zone order by code")
			.query((rs, row) -> new StoredZone(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
	}

	Optional<StoredZone> zone(String code) {
		return jdbc.sql("select id, code, name from parking.zone where code = ?").param(code)
			.query((rs, row) -> new StoredZone(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
	}

	Optional<StoredZone> zone(UUID id) {
		return jdbc.sql("select id, code, name from parking.zone where id = ?").param(id)
			.query((rs, row) -> new StoredZone(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
	}

	/** False if the municipality has a zone with this code already. */
	boolean addZone(UUID id, String code, String name) {
		return jdbc.sql("insert into parking.zone(id, code, name) values (?, ?, ?) on conflict do nothing").params(id, code, name).update() == 1;
	}

	boolean rename(UUID id, String name) {
		return jdbc.sql("update parking.zone set name = ? where id = ?").params(name, id).update() == 1;
	}

	/** Removes a zone with its streets. */
	boolean removeZone(UUID id) {
		return jdbc.sql("delete from parking.zone where id = ?").param(id).update() == 1;
	}

	List<StreetSegment> streetsOf(UUID zone) {
		return jdbc.sql(SEGMENT + "where zone_id = ? order by street_key, number_from nulls first").param(zone).query(ZoneStore::segment).list();
	}

	List<StreetSegment> segmentsOf(String streetKey) {
		return jdbc.sql(SEGMENT + "where street_key = ?").param(streetKey).query(ZoneStore::segment).list();
	}

	void addStreet(StreetSegment segment) {
		jdbc.sql("insert into parking.zone_street(id, zone_id, street, street_key, postal_code, number_from, number_to, parity) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(segment.id(), segment.zoneId(), segment.street(), segment.streetKey(), segment.postalCode(), segment.from(),
					segment.to(), segment.parity().name())
			.update();
	}

	boolean removeStreet(UUID zone, UUID segment) {
		return jdbc.sql("delete from parking.zone_street where id = ? and zone_id = ?").params(segment, zone).update() == 1;
	}

	private static StreetSegment segment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StreetSegment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, Integer.class), rs.getObject(7, Integer.class), Parity.valueOf(rs.getString(8)));
	}
}
