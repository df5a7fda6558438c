// The report builder's progress indicator (Pages/Reports/Index). Without this script the form posts as usual: the server
// records the run and either opens its page or redirects to its file, which the browser downloads. With it:
// - for the page, the button is disabled and a status line ("Đang lập báo cáo…") with an indeterminate <progress> shows
//   until the next page arrives;
// - for a file, the form is posted with fetch, the status line shows while the run is recorded and the file rendered (a
//   PDF takes a couple of seconds), then the file is saved from the response and the status line says so, with a link to
//   the run. If the answer is not a file (the form had an error), the form is posted the ordinary way to show it.
// No inline script or style: the site's Content-Security-Policy allows neither.
(function () {
    'use strict';
    var form = document.getElementById('report-builder');
    var status = document.getElementById('report-progress');
    var text = document.getElementById('report-progress-text');
    var format = document.getElementById('Input_Format');
    var button = document.getElementById('run-report');
    if (!form || !status || !text || !button) {
        return;
    }

    var busy = false;

    function show(message, working) {
        status.hidden = false;
        status.querySelector('progress').hidden = !working;
        text.textContent = message;
        button.disabled = working;
        form.setAttribute('aria-busy', working ? 'true' : 'false');
    }

    function fileName(response) {
        var header = response.headers.get('Content-Disposition') || '';
        var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        if (star) {
            return decodeURIComponent(star[1]);
        }

        var plain = /filename="?([^";]+)"?/i.exec(header);
        return plain ? plain[1] : 'report';
    }

    function save(blob, name) {
        var url = URL.createObjectURL(blob);
        var link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.hidden = true;
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    form.addEventListener('submit', function (event) {
        if (busy) {
            event.preventDefault();
            return;
        }

        var wanted = format ? format.value : 'page';
        if (wanted === 'page' || typeof window.fetch !== 'function') {
            busy = true;
            // Disabled after the submission started, so the button's own value is not needed by the server.
            window.setTimeout(function () { show(form.getAttribute('data-running'), true); }, 0);
            return;
        }

        event.preventDefault();
        busy = true;
        show(form.getAttribute('data-downloading'), true);
        fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
            .then(function (response) {
                var type = response.headers.get('Content-Type') || '';
                if (!response.ok || type.indexOf('text/html') === 0) {
                    if (type.indexOf('text/html') === 0) {
                        // The builder again, with its errors: let the browser post and show it.
                        busy = false;
                        form.submit();
                        return null;
                    }

                    throw new Error(String(response.status));
                }

                var name = fileName(response);
                var run = /\/reports\/runs\/([0-9a-f-]{36})\//i.exec(response.url);
                return response.blob().then(function (blob) {
                    save(blob, name);
                    busy = false;
                    show(form.getAttribute('data-done'), false);
                    if (run) {
                        var link = document.createElement('a');
                        link.href = '/Reports/Run/' + run[1];
                        link.id = 'report-progress-run';
                        link.textContent = form.getAttribute('data-open-run');
                        text.appendChild(document.createTextNode(' '));
                        text.appendChild(link);
                    }
                });
            })
            .catch(function () {
                busy = false;
                show(form.getAttribute('data-failed'), false);
            });
    });
}());
