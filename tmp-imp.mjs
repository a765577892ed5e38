const rss = () => (process.memoryUsage().rss/1048576).toFixed(1);
const mods = process.argv.slice(2);
let last = process.memoryUsage().rss;
for (const m of mods) { await import(m); global.gc?.(); await new Promise(r=>setTimeout(r,200)); const now = process.memoryUsage().rss; console.log(m, rss(), '+'+((now-last)/1048576).toFixed(1)); last = now; }
