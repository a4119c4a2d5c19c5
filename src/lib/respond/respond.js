/* eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see the next line */
// @ts-nocheck: plain ES5 for old phone browsers, shipped as written (no build step touches it).
/*
 * Progressive enhancement for the questionnaire pages. Every page works without this file;
 * it only adds read-aloud, a live character count, focus on the error summary and a guard
 * against sending a form twice. No framework, no network requests, nothing stored.
 */
(function () {
	'use strict';

	var each = function (selector, fn) {
		Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
	};

	// Read aloud: only offered where the browser can speak.
	var canSpeak =
		'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
	each('[data-read-aloud]', function (button) {
		if (!canSpeak) {
			button.classList.add('read-aloud--unsupported');
			return;
		}
		button.hidden = false;
		button.addEventListener('click', function () {
			var group = document.getElementById(button.getAttribute('data-read-aloud'));
			if (!group) return;
			var parts = [];
			Array.prototype.forEach.call(group.querySelectorAll('[data-speak]'), function (el) {
				var text = el.textContent.trim();
				if (text) parts.push(text);
			});
			var utterance = new window.SpeechSynthesisUtterance(parts.join('. '));
			utterance.lang = document.documentElement.lang || 'en-GB';
			utterance.rate = 0.9;
			window.speechSynthesis.cancel();
			window.speechSynthesis.speak(utterance);
		});
	});

	// Character count, after the GOV.UK pattern: the visible count updates as you type; screen
	// readers hear it once typing pauses.
	each('textarea[data-maxlength]', function (area) {
		var max = Number(area.getAttribute('data-maxlength'));
		var message = document.getElementById(area.id + '-info');
		if (!max || !message) return;
		var status = document.createElement('div');
		status.className = 'visually-hidden';
		status.setAttribute('aria-live', 'polite');
		message.parentNode.appendChild(status);
		message.setAttribute('aria-hidden', 'true');
		var timer;
		// The words come from the page, in the family's language; {n} is the number.
		var words = function (name) {
			return area.getAttribute('data-count-' + name) || '';
		};
		var left = function () {
			return max - Array.from(area.value.replace(/\r\n?/g, '\n').trim()).length;
		};
		var describe = function () {
			var count = left();
			var n = Math.abs(count).toLocaleString('en-GB');
			var one = Math.abs(count) === 1;
			var template =
				count >= 0 ? words(one ? 'remaining-one' : 'remaining') : words(one ? 'over-one' : 'over');
			return template.replace('{n}', n);
		};
		var update = function () {
			var text = describe();
			message.textContent = text;
			message.classList.toggle('character-count__message--over', left() < 0);
			clearTimeout(timer);
			timer = setTimeout(function () {
				status.textContent = text;
			}, 1000);
		};
		message.textContent = describe();
		area.addEventListener('input', update);
	});

	// A second click on a send or continue button does nothing while the first is on its way
	// (for ten seconds, so a form can still be sent again if the connection dropped).
	each('form[method="POST"], form[method="post"]', function (form) {
		form.addEventListener('submit', function (event) {
			var since = Date.now() - Number(form.getAttribute('data-submitting') || 0);
			if (since < 10000) {
				event.preventDefault();
				return;
			}
			form.setAttribute('data-submitting', String(Date.now()));
		});
	});
	// Coming back with the browser's back button must not leave the form locked.
	window.addEventListener('pageshow', function () {
		each('form[data-submitting]', function (form) {
			form.removeAttribute('data-submitting');
		});
	});

	// Move focus to the error summary so everyone starts with what needs fixing; its links put
	// focus on the answer itself and show the question above it, as GOV.UK's do.
	var summary = document.querySelector('.error-summary');
	if (summary) {
		summary.focus();
		summary.addEventListener('click', function (event) {
			var link = event.target.closest('a[href^="#"]');
			var input = link && document.getElementById(link.getAttribute('href').slice(1));
			if (!input) return;
			event.preventDefault();
			var fieldset = input.closest('fieldset');
			var label = document.querySelector('label[for="' + input.id + '"]');
			var question = (fieldset && fieldset.querySelector('legend')) || label || input;
			question.scrollIntoView();
			input.focus({ preventScroll: true });
		});
	}
})();
