import { chromium } from 'playwright-core';
const [url, out, width] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 1280)];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto(url);
const sel = process.argv[5];
if (sel) await (await p.$(sel))!.screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: true });
await b.close();
