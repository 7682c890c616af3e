// The workbench's editor and checks; the page works without it (a link refreshes the checks).
(function () {
	var editor = document.getElementById('editor');
	var gutter = document.querySelector('.editor-gutter');
	if (editor && gutter) {
		// the gutter follows the text: one number per line, scrolled with it
		var renumber = function () {
			var lines = editor.value.split('\n').length;
			editor.rows = lines + 1;
			var marked = {};
			gutter.querySelectorAll('[data-problem-line]').forEach(function (span) { marked[span.dataset.line] = true; });
			if (gutter.children.length === lines) { return; }
			var html = [];
			for (var n = 1; n <= lines; n++) {
				html.push('<span id="line-' + n + '" data-line="' + n + '"' + (marked[n] ? ' class="problem-line" data-problem-line="' + n + '"' : '') + '>' + n + '</span>\n');
			}
			gutter.innerHTML = html.join('');
		};
		editor.addEventListener('input', renumber);
		editor.addEventListener('scroll', function () { gutter.scrollTop = editor.scrollTop; });
		// a link to a line (#line-12) puts the cursor on that line
		var goToLine = function () {
			var match = /^#line-(\d+)$/.exec(window.location.hash);
			if (!match) { return; }
			var line = parseInt(match[1], 10);
			var offset = 0;
			var lines = editor.value.split('\n');
			for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
			editor.focus();
			editor.setSelectionRange(offset, offset + (lines[line - 1] || '').length);
			var lineHeight = editor.scrollHeight / Math.max(1, lines.length);
			editor.scrollTop = Math.max(0, (line - 5) * lineHeight);
			gutter.scrollTop = editor.scrollTop;
		};
		window.addEventListener('hashchange', goToLine);
		goToLine();
	}
	// while the checks run, the progress indicator names the check under way; the page
	// reloads with the results when they are done
	var running = document.querySelector('[data-field="checks-running"]');
	var main = document.getElementById('main');
	if (running && main && main.dataset.checksUrl) {
		var poll = function () {
			fetch(main.dataset.checksUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
				.then(function (response) { return response.json(); })
				.then(function (checks) {
					if (checks.running) {
						var name = running.querySelector('[data-field="running-check"]');
						if (name) { name.textContent = checks.runningCheck || ''; }
						window.setTimeout(poll, 1000);
					} else {
						window.location.hash = 'checks';
						window.location.reload();
					}
				})
				.catch(function () { window.setTimeout(poll, 3000); });
		};
		window.setTimeout(poll, 1000);
	}
	// while an approved version is published, the page asks every second and reloads once
	// it is done (published, or failed)
	var publishing = document.querySelector('[data-field="publishing"]');
	if (publishing && publishing.dataset.publicationUrl) {
		var follow = function () {
			fetch(publishing.dataset.publicationUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
				.then(function (response) { return response.json(); })
				.then(function (publication) {
					if (publication.publishing) {
						window.setTimeout(follow, 1000);
					} else {
						window.location.reload();
					}
				})
				.catch(function () { window.setTimeout(follow, 3000); });
		};
		window.setTimeout(follow, 1000);
	}
	// the approver opens the changes before deciding: the button waits for that, and
	// opening them marks them read (without JavaScript the approver ticks the box inside,
	// and the server refuses an approval without it)
	var changes = document.getElementById('changes');
	var decide = document.getElementById('decide');
	var seen = document.getElementById('changes-seen');
	if (changes && decide && changes.tagName === 'DETAILS') {
		var follow = function () {
			decide.disabled = !changes.open;
			if (changes.open && seen) { seen.checked = true; }
		};
		changes.addEventListener('toggle', follow);
		follow();
	}
})();
