// The promeneur's own directory profile (rendered by Jinja: pdn_profile comes from mon_profil.py).
frappe.ready(function () {
	const pdn = {{ pdn_profile | json }};
	const wf = frappe.web_form;
	if (!wf) return;

	if (pdn.no_promeneur) {
		// nothing to edit: the message above the form says why
		$(".web-form, .web-form-actions").remove();
		return;
	}

	// the directory shows public files only: the photo is uploaded as one (the person may still untick it)
	const photo = wf.fields_dict.photo;
	if (photo) photo.df.options = { make_attachments_public: 1 };

	// back to the page after saving, so that the preview and the warnings show the saved profile
	wf.after_save = () => {
		window.location.href = "/mon-profil";
	};
});
