// Reads an iCalendar file as Thunderbird and Nextcloud do (ical.js), resolving every
// time through the file's own VTIMEZONE blocks, never by the zone's name, and prints
// the events as JSON for tests/calendar_clients.py.
//   node read_calendar.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
ICAL.TimezoneService.reset(); // only what the file itself says
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const organizer = vevent.getFirstProperty("organizer");
  return {
    uid: event.uid,
    tzid: event.startDate.zone ? event.startDate.zone.tzid : null,
    start_utc: event.startDate.toUnixTime(),
    end_utc: event.endDate.toUnixTime(),
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: vevent.getFirstPropertyValue("status"),
    sequence: event.sequence,
    organizer: organizer ? organizer.getFirstValue() : null,
    attendees: event.attendees.map((a) => [a.getParameter("cn") || null, a.getFirstValue()]),
    alarms: vevent
      .getAllSubcomponents("valarm")
      .map((alarm) => alarm.getFirstPropertyValue("trigger").toSeconds()),
  };
});
process.stdout.write(JSON.stringify({ events }));
