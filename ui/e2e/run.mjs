// End-to-end: drives Debian's Chromium (playwright-core, no browser download) through the product as a person would,
// against a running server, checks the main screens with axe-core, and takes the README's screenshots.
//   node e2e/run.mjs --base-url http://localhost:8080 [--screenshots ../docs/screenshots]
// The server's WebUiEndToEndTest runs it against the real app on every ./mvnw verify.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args['base-url'] ?? 'http://localhost:8080';
const shots = resolve(args.screenshots ?? resolve(here, '..', '..', 'docs', 'screenshots'));
const browserPath = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!browserPath) {
  console.error('e2e: Chromium is not installed: apt-get install -y chromium (or set CHROMIUM to its binary)');
  process.exit(2);
}
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
mkdirSync(shots, { recursive: true });

const ZONE = 'Europe/Berlin';
const email = `e2e-${Date.now()}@example.org`;
const password = 'correct horse battery staple';
let step = '';
const log = (text) => { step = text; console.log(`e2e: ${text}`); };
const check = (ok, message) => { if (!ok) throw new Error(message); };

async function axe(page, screen) {
  await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(found.length === 0, `axe found violations on ${screen}:\n  ${found.join('\n  ')}`);
}

const row = (page, title) => page.locator('li.task', { has: page.locator('a.title', { hasText: title }) });

const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: ZONE, locale: 'en-GB', colorScheme: 'light' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`e2e: page error: ${error.message}`));

  log('sign up');
  await page.goto(base);
  await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  await axe(page, 'login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();

  log('quick add shows what it understood, then saves');
  await page.keyboard.press('n');
  check(await page.evaluate(() => document.activeElement?.id === 'quick-add'), 'n does not focus quick add');
  await page.keyboard.type('Buy oat milk tomorrow 9am #groceries !high');
  const understood = page.locator('#quick-add-understood');
  await understood.getByText('Buy oat milk').waitFor();
  check((await understood.textContent()).includes('09:00 (Europe/Berlin)'), `quick add did not read the date: ${await understood.textContent()}`);
  await understood.getByText('#groceries').waitFor();
  await understood.getByText('High').waitFor();
  await page.keyboard.press('Enter');
  const milk = row(page, 'Buy oat milk');
  await milk.getByText('tomorrow 09:00').waitFor();
  await milk.getByText('#groceries').waitFor();
  await milk.getByText('High').waitFor();
  for (const line of ['Read the Axon paper #work !3', 'Call the bank next fri 10:30 #admin !2', 'Plan the offsite #work #admin']) {
    await page.getByLabel('Add a task').fill(line);
    await page.getByLabel('Add a task').press('Enter');
    await row(page, line.split(' #')[0].replace(/ next fri 10:30/, '')).waitFor();
  }

  log('create a recurring task with a reminder and a live preview');
  await page.getByRole('link', { name: 'New task…' }).click();
  await page.getByLabel('Title').fill('Water the plants');
  await page.getByLabel('Description').fill('The fern needs more than the cactus.');
  const tomorrow = await page.evaluate(() => {
    const d = new Date(Date.now() + 86_400_000);
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);
  });
  await page.getByLabel('Date', { exact: true }).fill(tomorrow);
  await page.getByLabel('Time (empty: all day)').fill('08:00');
  await page.getByLabel('Add a tag').fill('home');
  await page.getByLabel('Add a tag').press('Enter');
  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await page.getByLabel('How long before (reminder 1)').fill('15');
  await page.getByLabel('Repeats').selectOption({ label: 'Every day' });
  await page.locator('.preview ol li').nth(4).waitFor();
  check((await page.locator('.preview ol li').first().textContent()).includes('08:00'), 'the preview does not start at 08:00');
  await page.screenshot({ path: `${shots}/editor.png`, fullPage: true });
  await axe(page, 'task editor');
  await page.getByRole('button', { name: 'Create task' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  const plants = row(page, 'Water the plants');
  await plants.getByText('↻').waitFor();
  await plants.getByText('tomorrow 08:00').waitFor();

  log('filter and search');
  await page.getByLabel('High').check();
  await row(page, 'Buy oat milk').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('li.task').length === 1);
  await page.getByLabel('High').uncheck();
  await page.getByLabel('#work').check();
  await page.getByLabel('#admin').check();
  await page.getByLabel('Match tags').selectOption('all');
  await row(page, 'Plan the offsite').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('li.task').length === 1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => document.querySelectorAll('li.task').length === 5);
  await page.screenshot({ path: `${shots}/tasks.png`, fullPage: true });
  await axe(page, 'task list');
  await page.keyboard.press('/');
  await page.keyboard.type('wat');
  await page.waitForFunction(() => document.querySelectorAll('li.task').length === 1);
  await plants.waitFor();
  check((await page.locator('.count').textContent()).startsWith('1 task'), 'the count does not say 1 task');

  log('complete it and see the next occurrence');
  const firstId = await plants.getAttribute('data-task-id');
  await plants.getByRole('checkbox').check();
  // The recurrence saga schedules it; when the test server is busy with other suites' events that can take a
  // while, and the list re-reads every 15 s as well as after the write.
  await page.waitForFunction((id) => {
    const rows = [...document.querySelectorAll('li.task')].filter((li) => li.textContent.includes('Water the plants'));
    return rows.length === 1 && rows[0].getAttribute('data-task-id') !== id;
  }, firstId, { timeout: 60_000, polling: 250 });
  await row(page, 'Water the plants').getByText(/08:00/).waitFor();

  log('complete with the keyboard');
  await page.getByLabel('Search tasks').fill('');
  await row(page, 'Read the Axon paper').focus();
  await page.keyboard.press('x');
  await row(page, 'Read the Axon paper').waitFor({ state: 'detached' });

  log('edit a task and the series; the next occurrence has the reminder too');
  await row(page, 'Water the plants').getByRole('link').click();
  await page.getByRole('heading', { name: 'Series', exact: true }).waitFor();
  await page.getByText('Every day').waitFor();
  await page.locator('.reminders li').first().getByText(/fires .* 07:45/).waitFor();

  log('tags: rename and recolour');
  await page.getByRole('link', { name: 'Tags' }).click();
  await page.getByLabel('Name of groceries').fill('shopping');
  await page.getByLabel('Colour of groceries').fill('#1f7a3a');
  await page.locator('li.tag-row', { has: page.getByLabel('Name of groceries') }).getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Name of shopping').waitFor();
  await page.screenshot({ path: `${shots}/tags.png`, fullPage: true });
  await axe(page, 'tags');

  log('series list');
  await page.getByRole('link', { name: 'Series' }).click();
  const plantsSeries = page.locator('li.series', { hasText: 'Water the plants' });
  await plantsSeries.getByText('2 so far').waitFor();
  await axe(page, 'series');
  await page.screenshot({ path: `${shots}/series.png`, fullPage: true });
  await plantsSeries.getByRole('button', { name: 'Skip next Water the plants' }).click();
  await plantsSeries.getByText('3 so far').waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await row(page, 'Buy oat milk').getByText('#shopping').waitFor();

  log('live: a second browser of the same user sees changes within 2 s, without reload');
  await page.locator('.sync', { hasText: 'Live' }).waitFor();
  // Same session cookie, but a device of its own (its own localStorage), as a second computer would be.
  const laptopContext = await browser.newContext({
    viewport: { width: 1280, height: 860 }, timezoneId: ZONE, locale: 'en-GB', colorScheme: 'light',
    storageState: { cookies: (await context.storageState()).cookies, origins: [] },
  });
  laptopContext.setDefaultTimeout(20_000);
  // The laptop allowed browser notifications; record what it shows (headless Chromium draws none).
  await laptopContext.grantPermissions(['notifications'], { origin: base });
  await laptopContext.addInitScript(() => {
    const Native = window.Notification;
    window.shownNotifications = [];
    window.Notification = class extends Native {
      constructor(title, options) {
        super(title, options);
        window.shownNotifications.push(title);
      }
    };
  });
  const laptop = await laptopContext.newPage();
  laptop.on('pageerror', (error) => console.error(`e2e: laptop page error: ${error.message}`));
  await laptop.goto(base);
  await row(laptop, 'Buy oat milk').waitFor();
  await laptop.locator('.sync', { hasText: 'Live' }).waitFor();
  const live = async (target, what, started) => {
    await what.waitFor({ timeout: 2_000 });
    console.log(`e2e: ${target} saw it ${Date.now() - started} ms after the write was answered`);
  };
  let started = Date.now();
  await page.getByLabel('Add a task').fill('Book the ferry #travel');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/tasks') && r.request().method() === 'POST');
  await page.getByLabel('Add a task').press('Enter');
  await created;
  started = Date.now();
  await live('the laptop', row(laptop, 'Book the ferry').getByText('#travel'), started);

  log('live: an edit on the laptop shows on the first browser');
  await row(laptop, 'Book the ferry').getByRole('link').click();
  await laptop.getByLabel('Title').fill('Book the ferry to Porto');
  let saved = laptop.waitForResponse((r) => r.request().method() === 'PATCH');
  await laptop.getByRole('button', { name: 'Save' }).click();
  await saved;
  started = Date.now();
  await live('the first browser', row(page, 'Book the ferry to Porto'), started);
  await laptop.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();

  log('an edit conflict asks which to keep, showing both');
  await row(page, 'Book the ferry to Porto').getByRole('link').click();
  await page.getByLabel('Title').fill('Book the night ferry to Porto');
  await row(laptop, 'Book the ferry to Porto').getByRole('link').click();
  await laptop.getByLabel('Title').fill('Book the ferry to Porto and back');
  await laptop.getByLabel('Priority').selectOption('HIGH');
  saved = laptop.waitForResponse((r) => r.request().method() === 'PATCH');
  await laptop.getByRole('button', { name: 'Save' }).click();
  await saved;
  await page.getByRole('status').filter({ hasText: 'Changed on another device while you edit: title, priority' }).waitFor({ timeout: 2_000 });
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'Changed on another device' });
  await conflict.waitFor();
  check((await conflict.textContent()).includes('Book the night ferry to Porto'), 'the dialog does not show my title');
  check((await conflict.textContent()).includes('Book the ferry to Porto and back'), 'the dialog does not show their title');
  check((await conflict.textContent()).includes('Their change to priority is kept as well'), 'the dialog does not say what else changed');
  await page.screenshot({ path: `${shots}/conflict.png` });
  await axe(page, 'edit conflict dialog');
  check(await conflict.getByRole('radio', { name: /Keep mine/ }).isChecked(), 'keep mine is not the default');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const behind = await conflict.evaluate((dialog) => {
      const focused = document.activeElement;
      return focused !== null && focused !== document.body && !dialog.contains(focused);
    });
    check(!behind, 'Tab reached the page behind the conflict dialog');
  }
  await conflict.getByRole('button', { name: 'Save these choices' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  const ferry = row(page, 'Book the night ferry to Porto');
  await ferry.getByText('High').waitFor();
  await live('the laptop', row(laptop, 'Book the night ferry to Porto'), Date.now());

  log('an edit conflict can take the other device\'s value instead, keeping my other changes');
  await ferry.getByRole('link').click();
  await page.getByLabel('Description').fill('Mine: the 23:00 sailing');
  await page.getByLabel('Priority').selectOption('MEDIUM');
  await row(laptop, 'Book the night ferry to Porto').getByRole('link').click();
  await laptop.getByLabel('Description').fill('Theirs: cabin for two');
  saved = laptop.waitForResponse((r) => r.request().method() === 'PATCH');
  await laptop.getByRole('button', { name: 'Save' }).click();
  await saved;
  await page.getByRole('status').filter({ hasText: 'Changed on another device while you edit: description' }).waitFor({ timeout: 2_000 });
  await page.getByRole('button', { name: 'Save' }).click();
  await conflict.getByRole('radio', { name: /Take the other device's: Theirs: cabin for two/ }).check();
  await conflict.getByRole('button', { name: 'Save these choices' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  await ferry.getByText('Medium').waitFor();
  await ferry.getByRole('link').click();
  check(await page.getByLabel('Description').inputValue() === 'Theirs: cabin for two', 'taking theirs did not keep their description');
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await laptop.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();

  log('offline, then back: the laptop catches up on what it missed');
  await laptopContext.setOffline(true);
  await laptop.locator('.sync', { hasText: 'Offline' }).waitFor();
  await page.getByLabel('Add a task').fill('Made while the laptop was offline');
  await page.getByLabel('Add a task').press('Enter');
  await row(page, 'Made while the laptop was offline').waitFor();
  await laptopContext.setOffline(false);
  await laptop.locator('.sync', { hasText: 'Live' }).waitFor();
  await row(laptop, 'Made while the laptop was offline').waitFor({ timeout: 5_000 });

  log('reminders: set one relative and one absolute, see when they fire, and get notified live');
  await ferry.getByRole('link').click();
  await page.getByLabel('Date', { exact: true }).fill(tomorrow);
  await page.getByLabel('Time (empty: all day)').fill('18:00');
  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await page.getByLabel('How long before (reminder 1)').fill('2');
  await page.getByLabel('Unit (reminder 1)').selectOption('hours');
  await page.getByRole('button', { name: 'Add a reminder' }).click();
  await page.getByRole('combobox', { name: /^Reminder 2/ }).selectOption('at');
  await axe(page, 'task editor with reminders');
  // A reminder set for a moment already past never fires, so leave the save some slack on a busy machine.
  const soon = await page.evaluate(() => {
    const at = new Date(Date.now() + 8_000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  });
  await page.getByLabel('When (reminder 2)').fill(soon);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  await ferry.getByRole('link').click();
  await page.locator('.reminders li').first().getByText(/fires .* 16:00/).waitFor();
  await page.getByRole('link', { name: 'Back to the list' }).click();
  const bell = (p) => p.getByRole('button', { name: /^Notifications/ });
  await bell(laptop).filter({ hasText: '1 unread' }).waitFor({ timeout: 30_000 });
  await bell(page).filter({ hasText: '1 unread' }).waitFor({ timeout: 5_000 });
  const shown = await laptop.evaluate(() => window.shownNotifications);
  check(shown.length === 1 && shown[0] === 'Reminder: Book the night ferry to Porto', `browser notifications shown: ${JSON.stringify(shown)}`);
  await bell(laptop).click();
  const panel = laptop.getByRole('region', { name: 'Notifications' });
  await panel.getByRole('link', { name: 'Book the night ferry to Porto' }).waitFor();
  await laptop.screenshot({ path: `${shots}/notifications.png` });
  await axe(laptop, 'notifications panel');
  await panel.getByRole('button', { name: /^Mark read/ }).click();
  await bell(laptop).filter({ hasNotText: 'unread' }).waitFor();
  await bell(page).filter({ hasNotText: 'unread' }).waitFor({ timeout: 2_000 });
  const snoozed = laptop.waitForResponse((r) => r.url().endsWith('/snooze'));
  await panel.getByRole('button', { name: /^Snooze/ }).click();
  check((await snoozed).status() === 200, 'snooze was refused');
  await laptopContext.close();

  log('history: the timeline, and the task as it was');
  await ferry.getByRole('link').click();
  await page.getByRole('button', { name: 'Show the history' }).click();
  const timeline = page.getByRole('list', { name: 'Changes to this task, oldest first' });
  await timeline.getByText("title: 'Book the ferry' → 'Book the ferry to Porto'").waitFor();
  check((await timeline.textContent()).includes('by you'), 'history does not say who');
  check((await timeline.textContent()).includes('this device') && /device [0-9a-f]{8}/.test(await timeline.textContent()),
    'history does not tell the two devices apart');
  await timeline.getByRole('button', { name: 'View as of then (after change 1)' }).click();
  const past = page.getByRole('region', { name: 'The task as it was' });
  await past.locator('.past-title', { hasText: /^Book the ferry$/ }).waitFor();
  await page.screenshot({ path: `${shots}/history.png`, fullPage: true });
  await axe(page, 'history');
  await page.getByRole('link', { name: 'Back to the list' }).click();

  log('an expired session asks for the password and keeps what was typed');
  await context.clearCookies();
  await page.getByLabel('Add a task').fill('Typed before the session ended');
  await page.getByLabel('Add a task').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await dialog.waitFor();
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await dialog.waitFor({ state: 'detached' });
  check(await page.getByLabel('Add a task').inputValue() === 'Typed before the session ended', 'the typed line was lost');
  await page.getByLabel('Add a task').press('Enter');
  await row(page, 'Typed before the session ended').waitFor();

  log('phone-sized screen');
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    timezoneId: ZONE, locale: 'en-GB', storageState: await context.storageState(),
  });
  const small = await phone.newPage();
  await small.goto(base);
  await row(small, 'Buy oat milk').waitFor();
  check(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the phone layout scrolls sideways');
  await small.screenshot({ path: `${shots}/phone.png` });
  await axe(small, 'task list on a phone');
  await phone.close();

  log('dark mode follows the system');
  const dark = await browser.newContext({
    viewport: { width: 1280, height: 720 }, colorScheme: 'dark', timezoneId: ZONE, locale: 'en-GB',
    storageState: await context.storageState(),
  });
  const night = await dark.newPage();
  await night.goto(base);
  await row(night, 'Buy oat milk').waitFor();
  await night.screenshot({ path: `${shots}/tasks-dark.png` });
  await axe(night, 'task list, dark');
  await dark.close();

  log('endless scroll pages through the cursor API');
  await page.evaluate(async () => {
    for (let i = 1; i <= 40; i++) {
      await fetch('/api/tasks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Taskstream-Client': 'web' },
        body: JSON.stringify({ title: `Bulk task ${String(i).padStart(2, '0')}`, tags: ['bulk'] }),
      });
    }
  });
  await page.reload();
  await page.getByRole('status').filter({ hasText: /^4[0-9] tasks/ }).waitFor();
  const total = Number((await page.locator('.count').textContent()).split(' ')[0]);
  check(await page.locator('li.task').count() === 30, 'the first page is not 30 tasks');
  await page.locator('li.task').last().scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll('li.task').length === n, total);

  log('quick add repeats: "every tue and fri" starts a series on the next of those days');
  await page.getByLabel('Add a task').fill('Put the bins out every tue and fri #home');
  const repeat = page.locator('#quick-add-understood');
  await repeat.getByText('↻ Every week on Tue, Fri').waitFor();
  check(!(await repeat.textContent()).includes('all day'), `quick add shows a due date nobody said: ${await repeat.textContent()}`);
  await page.getByLabel('Add a task').press('Enter');
  const bins = row(page, 'Put the bins out');
  await bins.getByText('↻').waitFor();
  const binsDue = await page.evaluate(async (id) => {
    const task = await (await fetch(`/api/tasks/${id}`, { headers: { 'X-Taskstream-Client': 'web' } })).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    return { ...task.due, weekday: new Date(`${task.due.date}T12:00:00Z`).getUTCDay(), today };
  }, await bins.getAttribute('data-task-id'));
  check([2, 5].includes(binsDue.weekday) && binsDue.date >= binsDue.today && binsDue.timeZone === ZONE,
    `the first bins day is not the next Tuesday or Friday in ${ZONE}: ${JSON.stringify(binsDue)}`);
  await page.getByRole('link', { name: 'Series' }).click();
  await page.locator('li.series', { hasText: 'Put the bins out' }).getByText('Every week on Tue, Fri').waitFor();
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();

  log('account: make an app token, use it as an app would, revoke it');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('heading', { name: 'App tokens' }).waitFor();
  await page.getByLabel('Name of the app').fill('Assistant on my laptop');
  await page.getByLabel('Lasts').selectOption({ label: '30 days' });
  await page.getByRole('button', { name: 'Make a token' }).click();
  const secret = (await page.locator('.made-token .secret').textContent()).trim();
  check(secret.startsWith('tsk_'), `the new token is not shown: ${secret}`);
  await page.locator('li.app-token', { hasText: 'Assistant on my laptop' }).waitFor();
  await axe(page, 'account');
  const asApp = (token) => page.evaluate(async (bearer) => (await fetch('/api/tasks?limit=1', {
    headers: { Authorization: `Bearer ${bearer}` }, credentials: 'omit',
  })).status, token);
  check(await asApp(secret) === 200, 'the app token does not open the API');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Revoke Assistant on my laptop' }).click();
  await page.locator('li.app-token', { hasText: 'Assistant on my laptop' }).waitFor({ state: 'detached' });
  check(await asApp(secret) === 401, 'a revoked app token still opens the API');
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();

  log('log out');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  console.log('e2e: all passed');
} catch (error) {
  console.error(`e2e: FAILED at "${step}": ${error.stack ?? error}`);
  const open = browser.contexts().flatMap((c) => c.pages());
  for (const [i, p] of open.entries()) await p.screenshot({ path: `${shots}/failure-${i}.png`, fullPage: true }).catch(() => {});
  if (open.length) console.error(`e2e: screenshots of the failure in ${shots}/failure-*.png`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
