-- SPDX-License-Identifier: EUPL-1.2
-- Generates e-file data for the benchmarks in docs/benchmarks.md: :files files, up to :cases cases with one
-- document each (one version, its extracted text and German search vector). Run as a superuser (row-level
-- security does not apply) on a database the platform has migrated, e.g.
--   psql -h 127.0.0.1 -U postgres -d openrathaus_records_bench -v cases=1000000 -v files=10000 -f bench/records-data.sql
-- Texts are drawn from an administrative German vocabulary with a skewed distribution (a few words are very
-- common, most are rare), plus names and numbers that make documents distinguishable; references start
-- with "BENCH-", so the data is recognisable. Contents are not written to the content store: downloads of
-- generated versions are not part of the benchmark.
\set ON_ERROR_STOP on
\timing on

create temporary table vocabulary (n serial, word text);
insert into vocabulary(word) select unnest(string_to_array(
'Antrag Anträge Bescheid Bescheide Gebühr Gebühren Hund Hunde Hundes Hundesteuer Steuer Steuern Satzung Satzungen '
'Stadt Städte Bürger Bürgerin Bürgerinnen Verwaltung Amt Ämter Behörde Behörden Frist Fristen Widerspruch Widersprüche '
'Anhörung Genehmigung Genehmigungen Erlaubnis Ausweis Ausweise Parkausweis Bewohnerparkausweis Fahrzeug Fahrzeuge '
'Kennzeichen Halter Halterin Anschrift Wohnung Wohnungen Meldung Anmeldung Abmeldung Ummeldung Gewerbe Gewerbeanmeldung '
'Betrieb Betriebe Gaststätte Sondernutzung Straße Straßen Gehweg Baustelle Bauantrag Baugenehmigung Grundstück '
'Grundstücke Eigentümer Eigentümerin Nachweis Nachweise Bescheinigung Bescheinigungen Urkunde Urkunden Geburt '
'Eheschließung Sterbefall Personenstand Kind Kinder Kita Betreuung Schule Schulen Schüler Beförderung Zuschuss '
'Förderung Zuwendung Zuwendungen Verein Vereine Veranstaltung Veranstaltungen Markt Märkte Lärm Beschwerde '
'Beschwerden Ordnungswidrigkeit Bußgeld Verwarnung Zahlung Zahlungen Mahnung Mahnungen Rückerstattung Konto '
'Kassenzeichen Haushalt Haushaltsjahr Rat Ratsbeschluss Ausschuss Sitzung Sitzungen Vorlage Vorlagen Beschluss '
'Beschlüsse Prüfung Prüfungen Vermerk Vermerke Aktenvermerk Schreiben Brief Briefe Nachricht Nachrichten '
'Mitteilung Mitteilungen Einwohner Einwohnerin Familie Familien Ehepartner Rente Sozialhilfe Wohngeld Leistung '
'Leistungen Bedarf Einkommen Vermögen Miete Mietvertrag Nebenkosten Heizung Energie Umwelt Baum Bäume Fällung '
'Fällgenehmigung Abfall Müll Tonne Tonnen Entsorgung Wasser Abwasser Kanal Friedhof Grab Grabstätte Feuerwehr '
'Einsatz Brandschutz Gefahr Gefährdung gefährlich Rasse Chip Chipnummer Haftpflicht Versicherung Sachkunde '
'Führungszeugnis Zeugnis Register Eintragung Löschung Änderung Änderungen Verlängerung Ablauf Rückfrage '
'Rückfragen Unterlagen Anlage Anlagen Foto Fotos Plan Pläne Lageplan Zeichnung Entscheidung Entscheidungen '
'Ablehnung Zustimmung Auflage Auflagen Bedingung Bedingungen Befreiung Ermäßigung Ermäßigungen Erstattung '
'Festsetzung Veranlagung Jahr Jahre Monat Monate Quartal Zeitraum Beginn Ende Datum Termin Termine Vorsprache '
'Sprechzeit Rathaus Bürgerbüro Ordnungsamt Steueramt Bauamt Jugendamt Sozialamt Standesamt Stadtkasse '
'Musterstadt Nordstadt Südstadt Altstadt Hafen Bahnhof Marktplatz Kirchstraße Hauptstraße Schulweg Gartenweg '
'Lindenallee Birkenweg Eichenstraße Bachstraße Bergstraße Mühlenweg Parkstraße Ringstraße Wiesenweg', ' '));
create temporary table names (n serial, name text);
insert into names(name) select unnest(string_to_array(
'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein '
'Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause '
'Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz '
'Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann '
'Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer '
'Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann', ' '));
create temporary table bench_setting as
select (select id from tenancy.tenant order by id limit 1) as tenant,
       (select array_agg(word order by n) from vocabulary) as words,
       (select array_agg(name order by n) from names) as surnames,
       :cases::int as cases, :files::int as files;
create temporary table bench_plan as
select row_number() over (order by number) - 1 as n, pe.id
  from records.plan_entry pe, bench_setting s
 where pe.tenant_id = s.tenant and not exists (select 1 from records.plan_entry c where c.parent_id = pe.id);
create temporary table bench_department as
select row_number() over (order by code) - 1 as n, code from account.department d, bench_setting s where d.tenant_id = s.tenant;

-- files under the plan's leaf entries, spread over the departments
insert into records.file(id, tenant_id, plan_entry_id, reference, title, department, created_at)
select gen_random_uuid(), s.tenant, p.id, 'BENCH-F' || g, 'Benchmark-Akte ' || g, d.code, now() - interval '5 years'
  from generate_series(1, :files) g
  cross join bench_setting s
  join bench_plan p on p.n = g % (select count(*) from bench_plan)
  join bench_department d on d.n = g % (select count(*) from bench_department)
 -- a second run adds cases to the files of the first
 where not exists (select 1 from records.file where reference like 'BENCH-F%');

create temporary table bench_file as
select row_number() over (order by f.reference) - 1 as n, f.id, f.department, p.number as plan_number
  from records.file f join records.plan_entry p on p.id = f.plan_entry_id where f.reference like 'BENCH-F%';
create unique index on bench_file (n);

-- bulk load without the search index, then build it once
drop index if exists records.search_entry_search;

do $$
declare
  batch int := 100000;
  total int := (select cases from bench_setting);
  file_count int := (select count(*) from bench_file);
  done int := (select count(*) from records.record_case where source like 'bench:%');
begin
  while done < total loop
    drop table if exists bench_batch;
    create temporary table bench_batch as
    select g, gen_random_uuid() as case_id, gen_random_uuid() as document_id, gen_random_uuid() as version_id, s.tenant,
           f.id as file_id, f.department, f.plan_number, 'BENCH-C' || g as reference,
           s.words[1 + (g * 7) % cardinality(s.words)] || ' ' || s.words[1 + (g * 13) % cardinality(s.words)] || ' '
             || s.surnames[1 + (g * 3) % cardinality(s.surnames)] as title,
           now() - (g % 1800) * interval '1 day' - interval '30 days' as created_at,
           case when g % 4 = 0 then null else now() - (g % 1800) * interval '1 day' end as closed_at
      from generate_series(done + 1, least(done + batch, total)) g
      cross join bench_setting s
      join bench_file f on f.n = g % file_count;
    insert into records.record_case(id, tenant_id, file_id, reference, title, department, status, source, created_at, closed_at)
    select case_id, tenant, file_id, reference, title, department, case when closed_at is null then 'OPEN' else 'CLOSED' end,
           'bench:' || g, created_at, closed_at
      from bench_batch;
    insert into records.document(id, tenant_id, case_id, title, created_at)
    select document_id, tenant, case_id, 'Schreiben ' || title, created_at from bench_batch;
    insert into records.document_version(id, tenant_id, document_id, version, filename, media_type, size, sha256, author, created_at, metadata)
    select version_id, tenant, document_id, 1, 'schreiben-' || reference || '.pdf', 'application/pdf', 50000,
           encode(sha256(convert_to(reference, 'UTF8')), 'hex'), 'Benchmark', created_at, '{"source": "bench"}'
      from bench_batch;
    create temporary table bench_text as
    select b.version_id, b.tenant, b.department, b.created_at, b.reference, b.title, t.body, b.plan_number,
           case when b.closed_at is null then 'OPEN' else 'CLOSED' end as case_status
      from bench_batch b cross join bench_setting s
      cross join lateral (
        select (select string_agg(s.words[1 + floor(power(random(), 2.5) * cardinality(s.words))::int + (k - k)], ' ')
                  from generate_series(1, 80 + b.g % 80) k where b.g > 0)
               || ' ' || s.surnames[1 + (b.g * 5) % cardinality(s.surnames)]
               || ' Chipnummer ' || (276000000000000 + b.g)::text as body) t;
    insert into records.version_text(version_id, tenant_id, status, body, extracted_at)
    select version_id, tenant, 'EXTRACTED', body, created_at from bench_text;
    -- the search vector exactly as TextExtraction writes it
    insert into records.search_entry(version_id, tenant_id, department, extracted_at, plan_number, filed_at, case_status, search)
    select version_id, tenant, department, created_at, plan_number, created_at, case_status,
           setweight(to_tsvector('german', reference || ' ' || title || ' Schreiben ' || title || ' schreiben-' || reference || '.pdf'), 'A')
             || setweight(to_tsvector('german', body), 'B')
      from bench_text;
    drop table bench_text;
    done := least(done + batch, total);
    raise notice '% cases generated', done;
    commit;
  end loop;
end $$;

create index search_entry_search on records.search_entry using gin (search);
vacuum analyze records.file;
vacuum analyze records.record_case;
vacuum analyze records.document;
vacuum analyze records.document_version;
vacuum analyze records.version_text;
vacuum analyze records.search_entry;
select count(*) as cases from records.record_case;
select count(*) as documents from records.document;
