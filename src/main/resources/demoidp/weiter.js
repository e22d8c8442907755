// SPDX-License-Identifier: EUPL-1.2
// Posts the SAML response to the service provider at once; without JavaScript the "Weiter" button does it.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('saml-post');
  if (form) {
    form.submit();
  }
});
