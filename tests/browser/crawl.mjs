#!/usr/bin/env node
// Browser crawl of the app's pages, role by role: every page must read in French and open
// without a permission error, and each role's desk must show only the app's workspaces.
//
// It needs a running site with the demo loaded (`bench --site <site> pdn-load-demo`), so it is
// not part of CI. Run it from this folder:
//
//   npm install
//   node crawl.mjs --base http://127.0.0.1:8000          # bench serve, default site
//   node crawl.mjs --base http://127.0.0.1:8000 --host pdn.localhost --roles promeneur,guest
//
// Options: --base URL, --host NAME (Host header, for a bench that serves several sites),
// --password (of the demo logins, default PdN-demo-2026), --roles guest,coordinator,...,
// --chromium PATH (default /usr/bin/chromium or $CHROMIUM), --json FILE (findings as JSON),
// --verbose (every page and what it found).
//
// What counts as English (see `findEnglish`):
// * a text that is, exactly, a source string of the site's translations (Frappe's and the
//   apps', as `frappe.translate.get_app_translations` gives them) whose French differs;
// * a text containing a word of ENGLISH_WORDS, a curated list of English interface words that
//   French never uses;
// * wording errors the app must not show: period keys (2026-Q1), decimal points in figures
//   (39.7 %), "dans le département Allier", Frappe's "Nouveau(elle)".
// The crawl also fails on a permission or server error (HTTP 403 or 5xx, a "not permitted"
// dialog) and on a desk that shows Frappe's own workspaces or lets a network role create one;
// script errors of the page are listed as warnings. It reads what is visible, the hover texts,
// the tooltips of charts and the suggestions of the first link field of a new record.
// The exit status is 1 when any role has a finding, 0 otherwise.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { DEMO_PASSWORD, LOGINS as ROLES, openSession } from "./session.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const APP = path.resolve(HERE, "../../pdn_frappe");

// ------------------------------------------------------------------ options

function parseArgs(argv) {
	const opts = {
		base: "http://127.0.0.1:8000",
		host: null,
		password: DEMO_PASSWORD,
		roles: null,
		chromium: process.env.CHROMIUM || "/usr/bin/chromium",
		json: null,
		verbose: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => argv[++i];
		if (arg === "--base") opts.base = value().replace(/\/$/, "");
		else if (arg === "--host") opts.host = value();
		else if (arg === "--password") opts.password = value();
		else if (arg === "--roles") opts.roles = value().split(",").map((r) => r.trim());
		else if (arg === "--chromium") opts.chromium = value();
		else if (arg === "--json") opts.json = value();
		else if (arg === "--verbose" || arg === "-v") opts.verbose = true;
		else if (arg === "--help" || arg === "-h") {
			console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n\n")[1]);
			process.exit(0);
		} else throw new Error(`unknown option ${arg}`);
	}
	return opts;
}

// ------------------------------------------------------------------ the app's own pages

function readJsonFiles(kind) {
	const found = [];
	for (const module of fs.readdirSync(APP)) {
		const folder = path.join(APP, module, kind);
		if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) continue;
		for (const entry of fs.readdirSync(folder)) {
			const file = path.join(folder, entry, `${entry}.json`);
			if (fs.existsSync(file)) found.push(JSON.parse(fs.readFileSync(file, "utf8")));
		}
	}
	return found;
}

const DOCTYPES = readJsonFiles("doctype")
	.filter((d) => !d.istable)
	.map((d) => ({ name: d.name, single: !!d.issingle }));
const REPORTS = readJsonFiles("report").map((r) => ({
	name: r.name,
	roles: (r.roles || []).map((row) => row.role),
}));
const WEB_FORMS = readJsonFiles("web_form").map((w) => ({
	route: w.route,
	doctype: w.doc_type,
	login: !!w.login_required,
	list: !!w.show_list,
}));
const WORKSPACES = readJsonFiles("workspace").map((w) => w.name);

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// ------------------------------------------------------------------ detector

// English interface words that French never uses (compared in lower case, whole words).
const ENGLISH_WORDS = new Set(
	`the and of with your you this from for is are not to by has have been will can at
	add new edit save saved search filter filters settings submit submitted cancel cancelled
	draft show hide loading select created updated modified assigned share shared
	print help refresh reload yes delete remove clear apply close closed view list report reports
	sort last week weeks month months year years today yesterday tomorrow quarter network theme
	themes training trainings planned published pending completed enabled disabled upload download
	attach attachments name status title owner tags follow duplicate rename copy send reply next
	previous back more less welcome home logout password users user workspace website tools
	integrations build built powered begin typing results row rows based untitled unknown error
	warning success missing required mandatory invalid please click drag drop here items item
	activity meeting meetings
	referent referents structure's promeneur's department's count sum average
	monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december
	expand collapse toggle sidebar assign assignment overdue hours hour
	reviewed review under rejected accepted withdrawn returned pre-selected`
		.split(/\s+/)
		.filter(Boolean),
);

// Names of products and services that are the same in every language.
const BRANDS = new Set(
	`facebook instagram tiktok snapchat discord youtube twitch whatsapp linkedin twitter x
	messenger telegram signal mastodon bluesky threads reddit pinterest frappe erpnext`
		.split(/\s+/)
		.filter(Boolean),
);

// Texts the app shows on purpose although they look English.
const ALLOWED = new Set([
	"Promeneurs du Net",
	"PdN",
	"Jordan", // a first name of the demo, also the English name of a country
]);

const PATTERNS = [
	[/(?<![-\w])\d{4}-Q[1-4]\b/, "period key shown to users (French says T1 2026)"],
	[/\d\.\d+\s?%/, "decimal point in a percentage (French writes 39,7 %)"],
	[/\d%/, "percent sign without a space (French writes 40 %)"],
	[/dans le département [A-ZÉ]/, "department name without its article (de l'Allier)"],
	[/Nouveau\(elle\)/, "Frappe's Nouveau(elle) instead of a real French title"],
];

function buildDetector(translations) {
	const exact = new Map();
	const templates = [];
	const norm = (s) => s.replace(/\s+/g, " ").trim();
	// a French translation that happens to be spelt like an English source ("Active" for a
	// structure, "Candidate"...) is French
	const french = new Set(Object.values(translations).filter((v) => typeof v === "string").map(norm));
	for (const [source, french] of Object.entries(translations)) {
		if (typeof french !== "string" || !french.trim()) continue;
		const msgid = norm(source);
		if (!msgid || norm(french).toLowerCase() === msgid.toLowerCase()) continue;
		if (!/[a-z]{2}/i.test(msgid)) continue;
		if (/\{\d+\}/.test(msgid)) {
			const words = msgid.replace(/\{\d+\}/g, " ").match(/[A-Za-z]{2,}/g) || [];
			if (words.length < 2 || msgid.length > 120) continue;
			const body = msgid
				.split(/\{\d+\}/)
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
				.join(".+?");
			templates.push([new RegExp(`^${body}$`), msgid]);
		} else {
			exact.set(msgid, french);
		}
	}
	return function findEnglish(text) {
		if (ALLOWED.has(text)) return null;
		if (/^\S+@\S+$/.test(text) || /^(https?:\/\/|\/)\S*$/.test(text)) return null;
		// the source of a document template (Jinja merge fields such as {% if msa is defined %})
		if (/\{\{|\{%/.test(text)) return null;
		if (exact.has(text) && !french.has(text)) return `source string (French: ${exact.get(text)})`;
		for (const [pattern, reason] of PATTERNS) if (pattern.test(text)) return reason;
		const stripped = text.replace(/\S+@\S+/g, " ").replace(/https?:\/\/\S+/g, " ");
		for (const word of stripped.split(/[^\p{L}'’-]+/u)) {
			const lower = word.toLowerCase().replace(/^['’-]+|['’-]+$/g, "");
			if (lower && ENGLISH_WORDS.has(lower) && !BRANDS.has(lower)) return `English word "${word}"`;
		}
		for (const [regexp, msgid] of templates) if (regexp.test(text)) return `source string "${msgid}"`;
		return null;
	};
}

// ------------------------------------------------------------------ the browser side

// Visible texts of the page: lines of innerText, visible tooltips and placeholders, SVG
// labels of charts and the document's title.
function collectTexts() {
	const out = new Set();
	// Frappe's fieldname tooltips (shown to developers only, with Ctrl+Shift) stay transparent.
	for (const el of document.querySelectorAll(".tooltip-content")) {
		if (getComputedStyle(el).opacity === "0") el.remove();
	}
	const push = (value) => {
		const text = (value || "").replace(/\s+/g, " ").trim();
		if (text) out.add(text);
	};
	for (const line of (document.body.innerText || "").split("\n")) {
		for (const part of line.split("\t")) push(part);
	}
	const visible = (el) =>
		el.checkVisibility ? el.checkVisibility({ checkOpacity: false }) : el.getClientRects().length > 0;
	for (const el of document.querySelectorAll("[title], [placeholder], [data-original-title]")) {
		if (!visible(el)) continue;
		push(el.getAttribute("title"));
		push(el.getAttribute("placeholder"));
		push(el.getAttribute("data-original-title"));
	}
	for (const el of document.querySelectorAll("svg text, svg title")) {
		if (visible(el)) push(el.textContent);
	}
	push(document.title);
	return [...out];
}

// Messages Frappe shows in a dialog (permission errors and the like).
function collectDialogs() {
	return [...document.querySelectorAll(".modal.show .msgprint, .modal.show .modal-title")]
		.map((el) => el.innerText.trim())
		.filter(Boolean);
}

// ------------------------------------------------------------------ crawl

class RoleCrawl {
	constructor(browser, opts, role, user, detect) {
		Object.assign(this, { browser, opts, role, user, detect });
		this.visited = [];
		this.english = new Map(); // text -> {reason, pages}
		this.errors = []; // permission and server errors
		this.warnings = []; // script errors
		this.current = null;
		this.deskProblems = []; // desk problems (foreign workspaces, workspace creation)
	}

	url(route) {
		return route.startsWith("http") ? route : this.opts.base + route;
	}

	async api(method, params = {}) {
		const query = new URLSearchParams();
		for (const [key, value] of Object.entries(params)) {
			query.set(key, typeof value === "string" ? value : JSON.stringify(value));
		}
		const response = await this.context.request.get(this.url(`/api/method/${method}?${query}`));
		let body = null;
		try {
			body = await response.json();
		} catch {
			body = null;
		}
		return { status: response.status(), message: body && body.message };
	}

	async start() {
		this.context = await openSession(this.browser, this.opts, this.user, { width: 1400, height: 1000 });
		this.page = await this.context.newPage();
		this.page.on("response", (response) => {
			const url = response.url();
			const status = response.status();
			if (status < 400 || url.includes("/socket.io") || !url.startsWith(this.opts.base)) return;
			if (status === 403 || status >= 500) this.currentErrors.push(`${status} ${url.slice(this.opts.base.length)}`);
		});
		// script errors are reported, not failed on: Frappe's own pages raise some (sounds that
		// may not play, date pickers)
		this.page.on("pageerror", (error) => this.warnings.push({ page: this.current, warning: `script error: ${error.message || error}` }));
	}

	async visit(route, { required = true } = {}) {
		if (this.visited.includes(route)) return;
		this.currentErrors = [];
		this.current = route;
		let response;
		try {
			response = await this.page.goto(this.url(route), { waitUntil: "domcontentloaded", timeout: 45000 });
		} catch (error) {
			this.errors.push({ page: route, error: `could not load: ${error.message.split("\n")[0]}` });
			return;
		}
		await this.page.waitForLoadState("networkidle", { timeout: 20000 }).catch(() => {});
		if (route.startsWith("/app")) {
			await this.page.waitForSelector("#page-Workspaces, .page-container:visible", { timeout: 15000 }).catch(() => {});
			await this.page.waitForTimeout(1200);
			await this.page.waitForLoadState("networkidle", { timeout: 15000 }).catch(() => {});
		} else {
			await this.page.waitForTimeout(400);
		}
		this.visited.push(route);
		if (response && response.status() >= 400 && required) {
			this.currentErrors.push(`${response.status()} ${route}`);
		}
		const dialogs = await this.page.evaluate(collectDialogs).catch(() => []);
		for (const dialog of dialogs) {
			if (/autoris|permission|not permitted|introuvable|not found|erreur|error/i.test(dialog)) {
				this.currentErrors.push(`dialog: ${dialog.replace(/\s+/g, " ").slice(0, 160)}`);
			}
		}
		for (const error of new Set(this.currentErrors)) this.errors.push({ page: route, error });
		const texts = await this.page.evaluate(collectTexts).catch(() => []);
		// what shows on hover and on typing: the tooltips of charts, the suggestions of a link field
		for (const extra of await this.interactions(route)) texts.push(extra);
		const found = [];
		for (const text of texts) {
			const reason = this.detect(text);
			if (!reason) continue;
			found.push(text);
			const entry = this.english.get(text) || { reason, pages: [] };
			if (entry.pages.length < 3) entry.pages.push(route);
			this.english.set(text, entry);
		}
		if (this.opts.verbose) {
			console.log(`  [${this.role}] ${route}: ${texts.length} texts, ${found.length} English${found.length ? ": " + found.slice(0, 6).join(" | ") : ""}`);
		}
	}

	async interactions(route) {
		const found = [];
		const page = this.page;
		try {
			for (const chart of (await page.locator(".frappe-chart").all()).slice(0, 10)) {
				await chart.scrollIntoViewIfNeeded().catch(() => {});
				const box = await chart.boundingBox();
				if (!box || box.width < 20) continue;
				for (const x of [0.3, 0.5, 0.7]) {
					await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.6);
					await page.waitForTimeout(250);
					const tip = await page.evaluate(() =>
						[...document.querySelectorAll(".graph-svg-tip")].map((el) => el.innerText).join("\n"),
					);
					for (const line of tip.split("\n")) if (line.trim()) found.push(line.trim());
				}
			}
			if (/\/new$/.test(route)) {
				const input = page.locator(".frappe-control[data-fieldtype='Link'] input:visible, .frappe-control[data-fieldtype='Autocomplete'] input:visible").first();
				if (await input.count()) {
					await input.click();
					await input.press("a");
					await page.waitForTimeout(1200);
					const items = await page.evaluate(() =>
						[...document.querySelectorAll(".awesomplete ul li")].filter((li) => li.offsetParent).map((li) => li.innerText),
					);
					for (const item of items) for (const line of item.split("\n")) if (line.trim()) found.push(line.trim());
					await input.press("Escape");
				}
			}
		} catch {
			// a page that changes under the mouse is read as it is
		}
		return found;
	}

	async publicPages() {
		await this.visit("/promeneurs");
		const profile = await this.page
			.evaluate(() => {
				const link = [...document.querySelectorAll('a[href^="/promeneurs/"]')].find((a) => a.getAttribute("href").split("/").length === 3);
				return link ? link.getAttribute("href") : null;
			})
			.catch(() => null);
		if (profile) await this.visit(profile);
		await this.visit("/appels-a-candidatures");
	}

	async webForms() {
		for (const form of WEB_FORMS) {
			if (form.login !== !!this.user) continue;
			if (this.user) {
				// a web form on a doctype the role may not read shows Frappe's "not permitted" page
				const readable = await this.api("frappe.client.get_list", { doctype: form.doctype, fields: ["name"], limit_page_length: 1 });
				if (readable.status !== 200) continue;
			}
			if (form.list) await this.visit(`/${form.route}`);
			await this.visit(`/${form.route}/new`);
		}
	}

	async deskPages() {
		await this.visit("/app");
		const roles = await this.page.evaluate(() => (window.frappe && frappe.user_roles) || []).catch(() => []);
		const sidebar = await this.api("frappe.desk.desktop.get_workspace_sidebar_items");
		const pages = (sidebar.message && sidebar.message.pages) || [];
		for (const page of pages) {
			if (!WORKSPACES.includes(page.name)) this.deskProblems.push(`sidebar shows Frappe's workspace "${page.name}"`);
		}
		if (!pages.some((page) => WORKSPACES.includes(page.name))) this.deskProblems.push("sidebar shows none of the app's workspaces");
		if (sidebar.message && sidebar.message.has_create_access) this.deskProblems.push("may create workspaces");

		for (const page of pages.filter((p) => WORKSPACES.includes(p.name))) {
			await this.visit(`/app/${slug(page.name)}`);
			const content = await this.api("frappe.desk.desktop.get_desktop_page", {
				page: { name: page.name, title: page.title, public: page.public },
			});
			for (const shortcut of (content.message && content.message.shortcuts && content.message.shortcuts.items) || []) {
				const route = shortcutRoute(shortcut);
				if (route) await this.visit(route);
			}
		}

		for (const doctype of DOCTYPES) {
			if (doctype.single) {
				const doc = await this.api("frappe.desk.form.load.getdoc", { doctype: doctype.name, name: doctype.name });
				if (doc.status === 200) await this.visit(`/app/${slug(doctype.name)}`);
				continue;
			}
			const list = await this.api("frappe.client.get_list", {
				doctype: doctype.name,
				fields: ["name"],
				limit_page_length: 1,
				order_by: "modified desc",
			});
			if (list.status !== 200) continue;
			await this.visit(`/app/${slug(doctype.name)}`);
			if (list.message && list.message.length) {
				await this.visit(`/app/${slug(doctype.name)}/${encodeURIComponent(list.message[0].name)}`);
			}
		}

		for (const report of REPORTS) {
			if (!report.roles.some((role) => roles.includes(role))) continue;
			await this.visit(`/app/query-report/${encodeURIComponent(report.name)}`);
		}
	}

	async run() {
		await this.start();
		try {
			if (this.user) await this.deskPages();
			await this.webForms();
			await this.publicPages();
			if (!this.user) await this.visit("/login");
		} finally {
			await this.context.close();
		}
	}
}

function shortcutRoute(shortcut) {
	if (shortcut.type === "URL") return shortcut.url;
	if (shortcut.type === "Report") return `/app/query-report/${encodeURIComponent(shortcut.link_to)}`;
	if (shortcut.type !== "DocType") return null;
	const base = `/app/${slug(shortcut.link_to)}`;
	if (shortcut.doc_view === "New") return `${base}/new`;
	if (shortcut.doc_view === "Calendar") return `${base}/view/calendar`;
	let query = "";
	try {
		const filters = JSON.parse(shortcut.stats_filter || "{}");
		const simple = Object.entries(filters).filter(([, value]) => typeof value === "string" || typeof value === "number");
		if (simple.length) query = "?" + new URLSearchParams(simple.map(([k, v]) => [k, String(v)]));
	} catch {
		query = "";
	}
	return base + query;
}

// ------------------------------------------------------------------ main

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const roles = opts.roles || Object.keys(ROLES);
	for (const role of roles) if (!(role in ROLES)) throw new Error(`unknown role ${role} (${Object.keys(ROLES).join(", ")})`);

	const browser = await chromium.launch({
		executablePath: opts.chromium,
		args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
	});
	const results = {};
	let failed = false;
	try {
		const first = await browser.newContext({ extraHTTPHeaders: opts.host ? { Host: opts.host } : {} });
		const response = await first.request.get(`${opts.base}/api/method/frappe.translate.get_app_translations`);
		const translations = (await response.json()).message || {};
		await first.close();
		const detect = buildDetector(translations);

		for (const role of roles) {
			const crawl = new RoleCrawl(browser, opts, role, ROLES[role], detect);
			const started = Date.now();
			try {
				await crawl.run();
			} catch (error) {
				crawl.errors.push({ page: "(crawl)", error: error.message });
			}
			const english = [...crawl.english.entries()].sort(([a], [b]) => a.localeCompare(b));
			results[role] = {
				user: crawl.user,
				pages: crawl.visited.length,
				english: Object.fromEntries(english),
				errors: crawl.errors,
				warnings: crawl.warnings,
				desk: crawl.deskProblems,
			};
			const problems = english.length + crawl.errors.length + crawl.deskProblems.length;
			if (problems) failed = true;
			console.log(
				`\n== ${role}${crawl.user ? ` (${crawl.user})` : ""}: ${crawl.visited.length} pages, ` +
					`${english.length} English string(s), ${crawl.errors.length} error(s), ` +
					`${crawl.deskProblems.length} desk problem(s), ${crawl.warnings.length} script warning(s) ` +
					`[${Math.round((Date.now() - started) / 1000)} s]`,
			);
			for (const problem of crawl.deskProblems) console.log(`   desk: ${problem}`);
			for (const { page, error } of crawl.errors) console.log(`   error on ${page}: ${error}`);
			for (const { page, warning } of crawl.warnings) console.log(`   warning on ${page}: ${warning.slice(0, 160)}`);
			for (const [text, { reason, pages }] of english) {
				console.log(`   "${text.length > 100 ? text.slice(0, 100) + "…" : text}"  <- ${reason}; ${pages.join(", ")}`);
			}
		}
	} finally {
		await browser.close();
	}
	const total = Object.values(results);
	const distinct = new Set(total.flatMap((r) => Object.keys(r.english)));
	console.log(
		`\n== total: ${total.reduce((n, r) => n + r.pages, 0)} pages, ${distinct.size} distinct English string(s), ` +
			`${total.reduce((n, r) => n + r.errors.length, 0)} error(s), ${total.reduce((n, r) => n + r.desk.length, 0)} desk problem(s)`,
	);
	if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 1));
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(2);
});
