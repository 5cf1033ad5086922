// perf_hooks: marks and measures, an observer that gets them from a setImmediate in
// start-time order, then histograms and the error of a mark that is not there.
const { performance, PerformanceObserver, createHistogram, monitorEventLoopDelay } = require('perf_hooks');

const observer = new PerformanceObserver((list, self) => {
  console.log('observed', list.getEntries().map((entry) => `${entry.entryType} ${entry.name}`));
  console.log('by type', list.getEntriesByType('measure').length, 'by name', list.getEntriesByName('start').length);
  if (list.getEntriesByType('measure').length > 0) {
    self.disconnect();
    setTimeout(histograms, 1);
  }
});
observer.observe({ entryTypes: ['mark', 'measure'] });

performance.mark('start', { detail: { step: 1 } });
setTimeout(() => {
  performance.mark('end');
  const measure = performance.measure('start to end', 'start', 'end');
  console.log(measure.name, measure.entryType, measure.duration >= 90, typeof measure.startTime);
  console.log(performance.getEntriesByType('mark').map((mark) => mark.name), performance.getEntriesByName('start')[0].detail);
  setImmediate(() => console.log('an immediate queued after the measure'));
  process.nextTick(() => console.log('a tick queued after the measure'));
  performance.clearMarks('start');
  console.log('marks left', performance.getEntriesByType('mark').length);
}, 100);  // well after the first delivery, even when the program starts slowly

function histograms() {
  const histogram = createHistogram();
  for (const value of [5, 7, 9, 11])
    histogram.record(value);
  console.log(histogram.min, histogram.max, histogram.mean, histogram.count, histogram.exceeds);
  try {
    histogram.record(0);
  } catch (error) {
    console.log(error.name, error.code);
  }
  try {
    performance.measure('nothing', 'no-such-mark');
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
  const delay = monitorEventLoopDelay({ resolution: 2 });
  console.log('enable', delay.enable(), delay.enable());
  // Samples need two runs of its timer: a busy machine may take longer than 30 ms for that.
  function whenSampled(triesLeft) {
    if (delay.count > 0 || triesLeft === 0)
      console.log('disable', delay.disable(), delay.disable(), delay.count > 0, delay.min > 0);
    else
      setTimeout(() => whenSampled(triesLeft - 1), 10);
  }
  setTimeout(() => whenSampled(500), 30);
}
