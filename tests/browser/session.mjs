// What the browser scripts share: the demo's logins and a browser session in French signed in
// as one of them.

// The demo's logins (`bench --site <site> pdn-load-demo`), one per role; null: a guest.
export const LOGINS = {
	guest: null,
	coordinator: "coordination03@demo.pdn-frappe.fr",
	caf: "caf03@demo.pdn-frappe.fr",
	structure: "structure@demo.pdn-frappe.fr",
	promeneur: "promeneur@demo.pdn-frappe.fr",
	administrator: "administration@demo.pdn-frappe.fr",
};

// The password of the demo's logins.
export const DEMO_PASSWORD = "PdN-demo-2026";

// A browser context in French (Paris time) on `opts.base` (with the Host header `opts.host`,
// if any), signed in as `user` with `opts.password`, or a guest's when `user` is null.
export async function openSession(browser, opts, user, viewport) {
	const context = await browser.newContext({
		locale: "fr-FR",
		timezoneId: "Europe/Paris",
		viewport,
		extraHTTPHeaders: opts.host ? { Host: opts.host } : {},
	});
	if (user) {
		const response = await context.request.post(`${opts.base}/api/method/login`, {
			form: { usr: user, pwd: opts.password },
		});
		if (response.status() !== 200) throw new Error(`login of ${user} failed (${response.status()})`);
	}
	return context;
}
