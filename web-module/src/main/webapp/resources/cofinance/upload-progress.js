/*
 * The request page's upload form, sent with a progress bar. Without this script (or FormData) the form is posted as
 * usual; with it, the same post goes through XMLHttpRequest so that the browser reports the bytes sent, and the page
 * the server answers replaces this one exactly as a plain post would have. A file beyond the limit is refused beside
 * its field before a byte leaves the browser.
 */
(function () {
    'use strict';

    function percent(loaded, total) {
        return Math.min(100, Math.floor(loaded * 100 / total));
    }

    function enhance(form) {
        var input = form.querySelector('input[type=file]');
        var button = form.querySelector('input[type=submit].upload-button');
        var bar = form.querySelector('progress.upload-progress');
        var status = form.querySelector('.upload-status');
        var fileError = form.querySelector('.upload-file-error');
        if (!input || !button || !bar || !status || !window.FormData || !window.XMLHttpRequest) {
            return;
        }
        var maxBytes = Number(input.getAttribute('data-max-bytes'));

        function say(text) {
            status.textContent = text;
        }

        form.addEventListener('submit', function (event) {
            if (!input.files || input.files.length === 0) {
                return;
            }
            event.preventDefault();
            if (maxBytes > 0 && input.files[0].size > maxBytes) {
                fileError.textContent = form.getAttribute('data-too-large');
                fileError.hidden = false;
                input.setAttribute('aria-invalid', 'true');
                input.focus();
                return;
            }
            var data = new FormData(form);
            data.append(button.name, button.value);
            var request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.upload.onprogress = function (progress) {
                if (progress.lengthComputable) {
                    bar.max = progress.total;
                    bar.value = progress.loaded;
                    say(form.getAttribute('data-sending').replace('{0}', percent(progress.loaded, progress.total)));
                }
            };
            request.upload.onload = function () {
                bar.value = bar.max;
                say(form.getAttribute('data-checking'));
            };
            request.onload = function () {
                document.open();
                document.write(request.responseText);
                document.close();
            };
            request.onerror = function () {
                bar.hidden = true;
                button.disabled = false;
                say(form.getAttribute('data-failed'));
            };
            fileError.hidden = true;
            bar.value = 0;
            bar.hidden = false;
            button.disabled = true;
            say(form.getAttribute('data-sending').replace('{0}', '0'));
            request.send(data);
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('form.upload-form'), enhance);
}());
