// diagnostics_channel: a channel as util.inspect shows it while it has subscribers and
// after; a tracing channel's channels; argument errors.
const dc = require('node:diagnostics_channel');
const ch = dc.channel('x');
console.log(ch);
const fn = () => {};
ch.subscribe(fn);
console.log(ch, Object.getPrototypeOf(ch).constructor.name);
ch.unsubscribe(fn);
console.log(ch, ch instanceof dc.Channel);
const tc = dc.tracingChannel('t');
console.log(tc, tc.start.name, Object.keys(tc));
const events = [];
dc.subscribe('tracing:t:start', (m, name) => events.push(['start', name]));
tc.traceSync(function () { return this.v; }, {}, { v: 1 });
console.log(events);
try { tc.traceCallback(() => {}, 0, {}, null, 'not a fn'); } catch (e) { console.log(e.code, e.message); }
try { dc.tracingChannel(5); } catch (e) { console.log(e.code, e.message); }
try { dc.tracingChannel({ start: 1 }); } catch (e) { console.log(e.code, e.message); }
console.log(dc.hasSubscribers('nobody'), dc.channel(Symbol.for('s')).name);
const util = require('util');
console.log(util.inspect(dc.channel('y')));
